package org.asrdistill.frontend.splice;

/**
 * Delta options (Kaldi's {@code DeltaFeaturesOptions}: {@code --delta-order}, {@code --delta-window}).
 *
 * @param order 0 = features only, 1 = + deltas, 2 = + delta-deltas, ...
 * @param window half-width of the regression window (the window is 2*window+1 frames)
 */
public record DeltaOptions(int order, int window) {
  public DeltaOptions {
    if (order < 0 || order >= 1000) {
      throw new IllegalArgumentException("delta-order must be in [0, 1000); got: " + order);
    }
    if (window < 1 || window >= 1000) {
      throw new IllegalArgumentException("delta-window must be in [1, 1000); got: " + window);
    }
  }

  /** Kaldi's defaults: order 2, window 2. */
  public static DeltaOptions defaults() {
    return new DeltaOptions(2, 2);
  }
}
