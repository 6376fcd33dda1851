package org.asrdistill.acoustic.gmm;

/**
 * Kaldi's {@code MleDiagGmmOptions}: Gaussians with occupancy at most {@code minGaussianOccupancy} or
 * weight at most {@code minGaussianWeight} are not updated (and removed if {@code removeLowCountGaussians},
 * unless last); variances are floored at {@code minVariance}.
 */
public record MleOptions(double minGaussianWeight, double minGaussianOccupancy, double minVariance,
    boolean removeLowCountGaussians) {
  public MleOptions {
    if (!(minGaussianWeight >= 0 && minGaussianWeight < 1)) {
      throw new IllegalArgumentException("minGaussianWeight must be in [0, 1); got: " + minGaussianWeight);
    }
    if (!(minGaussianOccupancy >= 0)) {
      throw new IllegalArgumentException("minGaussianOccupancy must be >= 0; got: " + minGaussianOccupancy);
    }
    if (!(minVariance > 0)) {
      throw new IllegalArgumentException("minVariance must be > 0; got: " + minVariance);
    }
  }

  /** Kaldi's defaults: 1e-5, 10, 0.001, true. */
  public static MleOptions defaults() {
    return new MleOptions(1.0e-5, 10.0, 0.001, true);
  }
}
