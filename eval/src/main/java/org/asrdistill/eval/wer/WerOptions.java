package org.asrdistill.eval.wer;

import org.asrdistill.eval.align.AlignmentCosts;

/**
 * Scoring options: Kaldi's mode, sclite's alignment costs, and whether to score characters (each word
 * split into its code points, giving the character error rate) instead of words.
 */
public record WerOptions(ScoringMode mode, AlignmentCosts costs, boolean characters) {
  public WerOptions {
    if (mode == null || costs == null) {
      throw new IllegalArgumentException("mode and costs must be given; got: " + mode + ", " + costs);
    }
  }

  /** Strict mode, sclite costs, words. */
  public static WerOptions defaults() {
    return new WerOptions(ScoringMode.STRICT, AlignmentCosts.defaults(), false);
  }

  public WerOptions withMode(ScoringMode m) {
    return new WerOptions(m, costs, characters);
  }

  public WerOptions withCharacters(boolean c) {
    return new WerOptions(mode, costs, c);
  }
}
