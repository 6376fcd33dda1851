package org.asrdistill.acoustic.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.asrdistill.acoustic.gmm.FlatStart;
import org.asrdistill.acoustic.gmm.GmmAccs;
import org.asrdistill.decoder.align.AlignOptions;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * The iteration loop shared by {@link MonoTrainer} and {@link TriTrainer} (Kaldi's train_mono.sh / train_deltas.sh
 * main loop): at iteration x, optionally realign with x.mdl, accumulate statistics, re-estimate and mix up to the
 * Gaussian target of the schedule, write (x+1).mdl. Resumes after the last complete model; alignments made at the
 * latest realignment are kept in {@code ali.cur.gz}.
 */
final class GmmTrainer {
  /** Options of the loop. */
  record Loop(int numIters, int maxIterInc, int totGauss, Set<Integer> realignIters, double firstBeam, double beam,
      double retryBeam, float acousticScale, double power, double minGaussOcc, int threads, long seed) {
    Loop {
      if (numIters < 1 || maxIterInc < 1 || totGauss < 1 || threads < 1) {
        throw new IllegalArgumentException("num-iters, max-iter-inc, tot-gauss and threads must be >= 1; got: "
            + numIters + ", " + maxIterInc + ", " + totGauss + ", " + threads);
      }
    }
  }

  private GmmTrainer() {
  }

  /** The #Gauss target at iteration x >= 1 (0 uses {@code initial}): incremented after each iteration <= maxIterInc. */
  static int target(int initial, int totGauss, int maxIterInc, int x) {
    int inc = Math.max(0, (totGauss - initial) / maxIterInc);
    return initial + inc * Math.min(Math.max(x - 1, 0), maxIterInc);
  }

  /**
   * Runs iterations {@code first..numIters-1} (first = the iteration after the last complete model), starting from
   * {@code first.mdl}, with alignments {@code alis} current at that point. Writes final.mdl and final alignments
   * (ali.1.gz, realigned with the final model).
   */
  static GmmModel run(ExpDir exp, TrainingSet data, Fst[] graphs, ContextDependency tree, Loop opt, int initialGauss,
      int first, int[][] alis, Consumer<String> warn) throws IOException {
    List<String> keys = data.utts().stream().map(TrainingSet.Utt::key).toList();
    GmmModel model = GmmModel.readFile(exp.file(first + ".mdl").toString());
    for (int x = first; x < opt.numIters(); x++) {
      long t0 = System.nanoTime();
      String logName = "iter." + x + ".log";
      if (opt.realignIters().contains(x) || alis == null) {
        double beam = x <= 1 ? opt.firstBeam() : opt.beam();
        GmmSteps.Aligned a = GmmSteps.align(data, graphs, model, new AlignOptions(beam, opt.retryBeam()),
            opt.acousticScale(), opt.threads());
        reportFailures(exp, logName, a, warn);
        alis = a.alignments();
        exp.writeAlignments("ali.cur.gz", keys, alis);
        exp.log(logName, String.format(Locale.ROOT, "iteration %d: realigned (beam %.1f): %s", x, beam, a.summary()));
      }
      GmmAccs accs = GmmSteps.accumulate(data, alis, model, opt.threads());
      int target = target(initialGauss, opt.totGauss(), opt.maxIterInc(), x);
      GmmSteps.Estimated e = GmmSteps.estimate(model, accs, target, opt.power(), opt.minGaussOcc(), opt.seed() + x);
      model = e.model();
      model.writeFile(exp.file((x + 1) + ".mdl").toString(), true);
      exp.log(logName, String.format(Locale.ROOT, "iteration %d: %s (%.1f s)", x, e.log(),
          (System.nanoTime() - t0) / 1e9));
    }
    exp.copy(opt.numIters() + ".mdl", "final.mdl");
    tree.writeFile(exp.file("tree").toString(), true);
    long t0 = System.nanoTime();
    GmmSteps.Aligned a = GmmSteps.align(data, graphs, model, new AlignOptions(opt.beam(), opt.retryBeam()),
        opt.acousticScale(), opt.threads());
    reportFailures(exp, "align.final.log", a, warn);
    exp.writeAlignments("ali.1.gz", keys, a.alignments());
    exp.log("align.final.log", String.format(Locale.ROOT, "final alignment: %s (%.1f s)", a.summary(),
        (System.nanoTime() - t0) / 1e9));
    return model;
  }

  /** Alignments of {@code ali.cur.gz} in the order of the data (null where missing). */
  static int[][] currentAlignments(ExpDir exp, TrainingSet data) throws IOException {
    if (!exp.has("ali.cur.gz")) {
      return null;
    }
    var map = ExpDir.readAlignments(exp.dir(), "ali.cur.gz");
    int[][] out = new int[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      out[i] = map.get(data.utts().get(i).key());
    }
    return out;
  }

  /** The last N such that N.mdl exists (0 <= N <= numIters), or -1. */
  static int lastModel(ExpDir exp, int numIters) {
    for (int n = numIters; n >= 0; n--) {
      if (exp.has(n + ".mdl")) {
        return n;
      }
    }
    return -1;
  }

  static void reportFailures(ExpDir exp, String logName, GmmSteps.Aligned a, Consumer<String> warn) {
    List<String> failed = a.failed();
    for (int i = 0; i < failed.size() && i < 20; i++) {
      warn.accept("utterance " + failed.get(i) + " could not be aligned (beam and retry beam); not used");
    }
    if (failed.size() > 20) {
      warn.accept((failed.size() - 20) + " more utterances could not be aligned; all are listed in log/" + logName);
    }
    if (!failed.isEmpty()) {
      exp.log(logName, "not aligned: " + String.join(" ", failed));
    }
  }

  static Set<Integer> parseIters(String s) {
    Set<Integer> out = new TreeSet<>();
    for (String t : s.trim().split("[\\s,]+")) {
      if (!t.isEmpty()) {
        out.add(Integer.parseInt(t));
      }
    }
    return out;
  }

  static Random rng(long seed) {
    return new Random(seed);
  }

  static int[] sortedCopy(int[] a) {
    int[] c = a.clone();
    Arrays.sort(c);
    return c;
  }

  static List<int[]> concat(List<int[]> a, List<int[]> b) {
    List<int[]> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static FlatStart.GlobalStats globalStats(TrainingSet data, int maxUtts) {
    FlatStart.GlobalStats g = new FlatStart.GlobalStats(data.dim());
    for (int i = 0; i < data.size() && i < maxUtts; i++) {
      g.add(data.utts().get(i).feats());
    }
    return g;
  }
}
