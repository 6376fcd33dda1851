package org.asrdistill.eval.bootstrap;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paired bootstrap of word error rates (Bisani and Ney, 2004). Each replication draws as many utterances
 * as there are, uniformly with replacement; the WER of a replication is the sum of the drawn errors over
 * the sum of the drawn reference words. With two systems the same draws are used for both, and the
 * probability of improvement is the fraction of replications in which system B makes strictly fewer
 * errors than system A (as Kaldi's compute-wer-bootci). A draw whose references are all empty is drawn
 * again. Cost O(replications * utterances).
 */
public final class PairedBootstrap {
  private PairedBootstrap() {
  }

  /** Result for one or two systems; {@code b} and {@code probabilityOfImprovement} are null for one. */
  public record Result(WerInterval a, WerInterval b, Double probabilityOfImprovement, int replications,
      int utterances) {
  }

  /** Bootstrap of one system: per-utterance errors and reference words. */
  public static Result single(int[] errors, int[] words, BootstrapOptions options) {
    return run(errors, null, words, options);
  }

  /** Paired bootstrap of systems A and B scored on the same utterances (same order). */
  public static Result paired(int[] errorsA, int[] errorsB, int[] words, BootstrapOptions options) {
    if (errorsB.length != errorsA.length) {
      throw new IllegalArgumentException("both systems must have the same utterances; got: " + errorsA.length
          + " and " + errorsB.length);
    }
    return run(errorsA, errorsB, words, options);
  }

  private static Result run(int[] errA, int[] errB, int[] words, BootstrapOptions options) {
    int n = words.length;
    if (errA.length != n) {
      throw new IllegalArgumentException("errors and words must have equal lengths; got: " + errA.length + " and "
          + n);
    }
    if (n == 0) {
      throw new IllegalArgumentException("the bootstrap needs at least one utterance; got: 0");
    }
    long totalWords = 0;
    for (int w : words) {
      totalWords += w;
    }
    if (totalWords == 0) {
      throw new IllegalArgumentException("the bootstrap needs reference words; got: 0 words in " + n
          + " utterances");
    }
    int reps = options.replications();
    double[] werA = new double[reps];
    double[] werB = errB == null ? null : new double[reps];
    int improved = 0;
    SplittableRandom rnd = new SplittableRandom(options.seed());
    for (int r = 0; r < reps; r++) {
      long ea = 0;
      long eb = 0;
      long nw = 0;
      while (nw == 0) { // a draw of only empty references has no WER: draw again
        ea = 0;
        eb = 0;
        for (int j = 0; j < n; j++) {
          int k = rnd.nextInt(n);
          ea += errA[k];
          nw += words[k];
          if (errB != null) {
            eb += errB[k];
          }
        }
      }
      werA[r] = 100.0 * ea / nw;
      if (errB != null) {
        werB[r] = 100.0 * eb / nw;
        if (ea - eb > 0) {
          improved++;
        }
      }
    }
    return new Result(interval(werA), errB == null ? null : interval(werB),
        errB == null ? null : (double) improved / reps, reps, n);
  }

  private static WerInterval interval(double[] wer) {
    double sum = 0;
    double sq = 0;
    for (double w : wer) {
      sum += w;
      sq += w * w;
    }
    double mean = sum / wer.length;
    double var = Math.max(0, sq / wer.length - mean * mean);
    double[] sorted = wer.clone();
    Arrays.sort(sorted);
    return new WerInterval(mean, 1.96 * Math.sqrt(var), percentile(sorted, 0.025), percentile(sorted, 0.975));
  }

  private static double percentile(double[] sorted, double q) {
    int i = (int) Math.floor(q * (sorted.length - 1));
    int j = Math.min(sorted.length - 1, i + 1);
    double f = q * (sorted.length - 1) - i;
    return sorted[i] + f * (sorted[j] - sorted[i]);
  }
}
