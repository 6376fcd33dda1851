package org.asrdistill.frontend.features;

/**
 * Turns prepared frames into feature vectors (Kaldi's FbankComputer / MfccComputer), a block of frames at a
 * time. Instances hold scratch buffers and are not thread-safe: {@link #copy()} gives another thread its own.
 */
public interface FeatureComputer {
  FrameExtractionOptions frameOptions();

  /** Feature dimension. */
  int dim();

  /** Whether {@link #compute} uses the raw log energy (energy taken before pre-emphasis and windowing). */
  boolean needRawLogEnergy();

  /**
   * Computes the features of the frames of a block.
   *
   * @param frames windowed frames, zero-padded to {@link FrameExtractionOptions#paddedWindowSize()}, with their
   *     raw log energies when {@link #needRawLogEnergy()}; used as workspace
   * @param vtlnWarp VTLN warp factor (1 = none)
   * @param out destination, row-major with {@link #dim()} values per frame
   * @param firstRow row of {@code out} that the block's first frame goes to
   */
  void compute(FrameBlock frames, double vtlnWarp, float[] out, int firstRow);

  /** A computer sharing this one's immutable tables, with its own scratch buffers. */
  FeatureComputer copy();
}
