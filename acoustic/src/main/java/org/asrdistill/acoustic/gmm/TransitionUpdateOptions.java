package org.asrdistill.acoustic.gmm;

/**
 * Kaldi's {@code MleTransitionUpdateConfig}: probabilities are floored at {@code floor}; transition states
 * with fewer than {@code minCount} counts keep their probabilities.
 */
public record TransitionUpdateOptions(double floor, double minCount) {
  public TransitionUpdateOptions {
    if (!(floor >= 0 && floor < 1)) {
      throw new IllegalArgumentException("transition floor must be in [0, 1); got: " + floor);
    }
    if (!(minCount >= 0)) {
      throw new IllegalArgumentException("transition minCount must be >= 0; got: " + minCount);
    }
  }

  /** Kaldi's defaults: floor 0.01, min count 5. */
  public static TransitionUpdateOptions defaults() {
    return new TransitionUpdateOptions(0.01, 5.0);
  }
}
