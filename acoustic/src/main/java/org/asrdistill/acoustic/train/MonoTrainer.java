package org.asrdistill.acoustic.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.asrdistill.acoustic.gmm.FlatStart;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * Monophone flat start as Kaldi's {@code steps/train_mono.sh}: gmm-init-mono from global feature statistics
 * (phones of a line of phones/sets.int share pdfs), equal alignment, then iterations of Viterbi realignment
 * (on the iterations listed) and EM with the #Gaussians growing linearly to {@code totGauss}.
 */
public final class MonoTrainer {
  /** train_mono.sh's options, with its defaults in {@link #defaults()}. */
  public record Options(int numIters, int maxIterInc, int totGauss, String realignIters, double initialBeam,
      double beam, double retryBeam, float acousticScale, double transitionScale, double selfLoopScale, double power,
      TrainingSet.FeatureOptions features, int threads, long seed) {
    public static Options defaults() {
      return new Options(40, 30, 1000, "1 2 3 4 5 6 7 8 9 10 12 14 16 18 20 23 26 29 32 35 38", 6, 10, 40, 0.1f, 1.0,
          0.1, 0.25, TrainingSet.FeatureOptions.defaults(), 1, 0);
    }
  }

  private MonoTrainer() {
  }

  /** Trains into {@code expDir} (final.mdl, tree, ali.1.gz, log/); resumes a partial run; returns the final model. */
  public static GmmModel train(Path dataDir, Path langDir, Path expDir, Options o, Consumer<String> log,
      Consumer<String> warn) throws IOException {
    ExpDir exp = new ExpDir(expDir, log);
    if (exp.has("final.mdl") && exp.has("ali.1.gz") && exp.has("tree")) {
      log.accept("train-mono: " + expDir + " is complete (final.mdl, tree, ali.1.gz); nothing to do");
      return GmmModel.readFile(exp.file("final.mdl").toString());
    }
    long t0 = System.nanoTime();
    LangInfo lang = LangInfo.read(langDir);
    TrainingSet data = TrainingSet.load(dataDir, lang, o.features(), warn);
    exp.log("train.log", String.format(Locale.ROOT, "train-mono: %d utterances (%d skipped), %d frames, dim %d",
        data.size(), data.skipped(), data.frames(), data.dim()));
    if (!exp.has("0.mdl") || !exp.has("tree")) {
      FlatStart.GlobalStats g = GmmTrainer.globalStats(data, 200);
      FlatStart.Mono m = FlatStart.initMono(lang.topo(), g.mean(), g.variance(), lang.sets(), 0.0, new Random(o.seed()));
      m.tree().writeFile(exp.file("tree").toString(), true);
      m.model().writeFile(exp.file("0.mdl").toString(), true);
      exp.log("init.log", "gmm-init-mono: " + m.model().am().numPdfs() + " pdfs from " + (long) g.count() + " frames");
    }
    ContextDependency tree = ContextDependency.readFile(exp.file("tree").toString());
    GmmModel m0 = GmmModel.readFile(exp.file("0.mdl").toString());
    long tg = System.nanoTime();
    Fst[] graphs = GmmSteps.compileGraphs(data, lang, tree, m0.transitionModel(), o.transitionScale(),
        o.selfLoopScale(), o.threads());
    int noGraph = 0;
    for (int i = 0; i < graphs.length; i++) {
      if (graphs[i] == null) {
        warn.accept("utterance " + data.utts().get(i).key() + ": empty training graph; not used");
        noGraph++;
      }
    }
    exp.log("train.log", String.format(Locale.ROOT, "compiled %d training graphs (%d empty) in %.1f s",
        graphs.length - noGraph, noGraph, (System.nanoTime() - tg) / 1e9));
    int first = GmmTrainer.lastModel(exp, o.numIters());
    int[][] alis;
    if (first == 0) {
      GmmSteps.Aligned eq = GmmSteps.equalAlign(data, lang, tree, m0.transitionModel(), o.threads());
      GmmTrainer.reportFailures(exp, "iter.0.log", eq, warn);
      alis = eq.alignments();
      exp.log("iter.0.log", "equal alignment: " + eq.summary());
    } else {
      alis = GmmTrainer.currentAlignments(exp, data);
      exp.log("train.log", "resuming at iteration " + first);
    }
    GmmTrainer.Loop loop = new GmmTrainer.Loop(o.numIters(), o.maxIterInc(), o.totGauss(),
        GmmTrainer.parseIters(o.realignIters()), o.initialBeam(), o.beam(), o.retryBeam(), o.acousticScale(), o.power(),
        3, o.threads(), o.seed());
    GmmModel fin = GmmTrainer.run(exp, data, graphs, tree, loop, m0.am().numGauss(), first, alis, warn);
    exp.log("train.log", String.format(Locale.ROOT, "train-mono: done, %d pdfs, %d Gaussians, %.1f s",
        fin.am().numPdfs(), fin.am().numGauss(), (System.nanoTime() - t0) / 1e9));
    return fin;
  }
}
