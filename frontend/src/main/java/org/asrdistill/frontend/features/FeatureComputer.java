package org.asrdistill.frontend.features;

/**
 * Turns one prepared frame of signal into one feature vector (Kaldi's FbankComputer / MfccComputer).
 * Instances hold scratch buffers and are not thread-safe: {@link #copy()} gives another thread its own.
 */
public interface FeatureComputer {
  FrameExtractionOptions frameOptions();

  /** Feature dimension. */
  int dim();

  /** Whether {@link #compute} uses the raw log energy (energy taken before pre-emphasis and windowing). */
  boolean needRawLogEnergy();

  /**
   * Computes the features of one frame.
   *
   * @param rawLogEnergy log energy of the frame before pre-emphasis/windowing (ignored unless needed)
   * @param vtlnWarp VTLN warp factor (1 = none)
   * @param frame the windowed frame, zero-padded to {@link FrameExtractionOptions#paddedWindowSize()};
   *     used as workspace
   * @param out destination, {@link #dim()} values from {@code outOffset}
   */
  void compute(double rawLogEnergy, double vtlnWarp, double[] frame, float[] out, int outOffset);

  /** A computer sharing this one's immutable tables, with its own scratch buffers. */
  FeatureComputer copy();
}
