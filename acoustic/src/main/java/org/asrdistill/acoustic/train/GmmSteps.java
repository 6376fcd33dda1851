package org.asrdistill.acoustic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.asrdistill.acoustic.gmm.DiagGmmAccs;
import org.asrdistill.acoustic.gmm.FlatStart;
import org.asrdistill.acoustic.gmm.GmmAccs;
import org.asrdistill.acoustic.gmm.GmmUpdate;
import org.asrdistill.acoustic.gmm.MleOptions;
import org.asrdistill.acoustic.gmm.TransitionUpdateOptions;
import org.asrdistill.decoder.align.AlignOptions;
import org.asrdistill.decoder.align.ForcedAligner;
import org.asrdistill.decoder.graph.Hclg;
import org.asrdistill.decoder.graph.TrainingGraphCompiler;
import org.asrdistill.fst.ConstFst;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.DecodableAmDiagGmmScaled;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.gmm.GmmScorer;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * The steps of a GMM training iteration over an in-memory {@link TrainingSet}, each parallel over utterances on
 * {@code threads} threads: training-graph compilation, equal alignment, Viterbi realignment, statistics
 * accumulation and the M-step with mixing up.
 */
public final class GmmSteps {
  private GmmSteps() {
  }

  /** Alignments (null where an utterance failed), failures and the total log likelihood of the aligned ones. */
  public record Aligned(int[][] alignments, List<String> failed, int retried, double logLike, long frames) {
    public String summary() {
      return String.format(Locale.ROOT, "aligned %d, failed %d, retried %d; log-like per frame %.4f over %d frames",
          alignments.length - failed.size(), failed.size(), retried, logLike / Math.max(1, frames), frames);
    }
  }

  static void parallel(int threads, int n, IntConsumer body) {
    if (threads <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      AtomicInteger next = new AtomicInteger();
      List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            body.accept(i);
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Training graphs (Kaldi's compile-train-graphs, then gmm-align-compiled's scales folded in: transition scale
   * {@code transitionScale}, self-loop scale {@code selfLoopScale}); null for an utterance without a path.
   */
  public static Fst[] compileGraphs(TrainingSet data, LangInfo lang, ContextDependency tree, TransitionModel tm,
      double transitionScale, double selfLoopScale, int threads) {
    Hclg.Options d = TrainingGraphCompiler.defaultOptions();
    TrainingGraphCompiler c = new TrainingGraphCompiler(lang.lexicon(), lang.disambig(), tree, tm,
        new Hclg.Options(transitionScale, selfLoopScale, d.determinize()));
    List<TrainingSet.Utt> utts = data.utts();
    Fst[] out = new Fst[utts.size()];
    parallel(threads, utts.size(), i -> {
      Fst g = c.compile(utts.get(i).words());
      out[i] = g.numStates() == 0 ? null : ConstFst.copyOf(g);
    });
    return out;
  }

  /** Equal alignments along the words' first pronunciations (align-equal-compiled); null where impossible. */
  public static Aligned equalAlign(TrainingSet data, LangInfo lang, ContextDependency tree, TransitionModel tm,
      int threads) {
    List<TrainingSet.Utt> utts = data.utts();
    int[][] alis = new int[utts.size()][];
    parallel(threads, utts.size(), i -> {
      int[] phones = lang.phonesOf(utts.get(i).words());
      if (phones != null) {
        alis[i] = FlatStart.equalAlign(tm, tree, phones, utts.get(i).feats().rows(), true);
      }
    });
    List<String> failed = new ArrayList<>();
    long frames = 0;
    for (int i = 0; i < alis.length; i++) {
      if (alis[i] == null) {
        failed.add(utts.get(i).key());
      } else {
        frames += alis[i].length;
      }
    }
    return new Aligned(alis, failed, 0, 0, frames);
  }

  /** Viterbi realignment (gmm-align-compiled) with beam, retry beam and acoustic scale. */
  public static Aligned align(TrainingSet data, Fst[] graphs, GmmModel model, AlignOptions opt, float acousticScale,
      int threads) {
    GmmScorer scorer = new GmmScorer(model.am());
    TransitionModel tm = model.transitionModel();
    List<TrainingSet.Utt> utts = data.utts();
    int[][] alis = new int[utts.size()][];
    double[] like = new double[utts.size()];
    boolean[] retried = new boolean[utts.size()];
    parallel(threads, utts.size(), i -> {
      if (graphs[i] == null) {
        return;
      }
      ForcedAligner.Result r = ForcedAligner.align(graphs[i],
          new DecodableAmDiagGmmScaled(scorer, tm, utts.get(i).feats(), acousticScale), opt);
      retried[i] = r.retried();
      if (r.succeeded()) {
        alis[i] = r.alignment();
        like[i] = -r.cost() / acousticScale;
      }
    });
    List<String> failed = new ArrayList<>();
    double tot = 0;
    long frames = 0;
    int nRetried = 0;
    for (int i = 0; i < alis.length; i++) {
      nRetried += retried[i] ? 1 : 0;
      if (alis[i] == null) {
        failed.add(utts.get(i).key());
      } else {
        tot += like[i];
        frames += alis[i].length;
      }
    }
    return new Aligned(alis, failed, nRetried, tot, frames);
  }

  /** gmm-acc-stats-ali over all aligned utterances. */
  public static GmmAccs accumulate(TrainingSet data, int[][] alis, GmmModel model, int threads) {
    List<TrainingSet.Utt> utts = data.utts();
    int chunks = Math.max(1, threads);
    GmmAccs[] part = new GmmAccs[chunks];
    parallel(chunks, chunks, c -> {
      GmmAccs acc = GmmAccs.zeros(model, DiagGmmAccs.ALL);
      for (int i = c; i < utts.size(); i += chunks) {
        if (alis[i] != null) {
          acc.accumulateAlignment(model, utts.get(i).feats(), alis[i]);
        }
      }
      part[c] = acc;
    });
    for (int c = 1; c < chunks; c++) {
      part[0].add(1.0, part[c]);
    }
    return part[0];
  }

  /** The M-step and mixing up: gmm-est [--mix-up=target --power=power --min-gaussian-occupancy=minOcc]. */
  public record Estimated(GmmModel model, String log) {
  }

  public static Estimated estimate(GmmModel model, GmmAccs accs, int mixUp, double power, double minGaussOcc,
      long seed) {
    TransitionModel tm = model.transitionModel();
    GmmUpdate.TransitionResult t = GmmUpdate.updateTransitions(TransitionUpdateOptions.defaults(),
        accs.transitionAccs(), tm);
    MleOptions d = MleOptions.defaults();
    MleOptions opts = new MleOptions(d.minGaussianWeight(), minGaussOcc, d.minVariance(), d.removeLowCountGaussians());
    GmmUpdate.AmResult r = GmmUpdate.update(opts, accs, DiagGmmAccs.ALL, model.am());
    AmDiagGmm am = r.am();
    int before = am.numGauss();
    if (mixUp > am.numGauss()) {
      am = GmmUpdate.splitByCount(am, accs.pdfOccupancies(), mixUp, 0.01, power, 20, new Random(seed));
    }
    String log = String.format(Locale.ROOT, "avg like per frame %.5f over %.0f frames; objf impr %.5f; "
        + "transitions impr %.5f; %d floored variance elements; #Gauss %d -> %d", accs.totalLogLike()
        / Math.max(1, accs.totalFrames()), accs.totalFrames(), r.objChange() / Math.max(1, r.count()),
        t.objChange() / Math.max(1, t.count()), r.flooredElements(), before, am.numGauss());
    return new Estimated(new GmmModel(tm, am), log);
  }
}
