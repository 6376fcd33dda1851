package org.asrdistill.frontend.features;

/**
 * How a waveform is cut into frames and each frame prepared (Kaldi's {@code FrameExtractionOptions}; flag
 * names {@code --sample-frequency}, {@code --frame-length}, {@code --frame-shift}, {@code --dither},
 * {@code --preemphasis-coefficient}, {@code --remove-dc-offset}, {@code --window-type},
 * {@code --blackman-coeff}, {@code --round-to-power-of-two}, {@code --snip-edges}).
 *
 * @param sampleFrequency Hz; must match the audio
 * @param frameShiftMs frame shift in milliseconds
 * @param frameLengthMs frame length in milliseconds
 * @param dither Gaussian dither standard deviation on the int16 scale (0 = off)
 * @param preemphasisCoefficient in [0, 1]
 * @param removeDcOffset subtract each frame's mean
 * @param windowType window shape
 * @param blackmanCoeff coefficient of the generalised Blackman window
 * @param roundToPowerOfTwo zero-pad frames to a power of two for the FFT
 * @param snipEdges true: only frames that fit completely; false: frames centred on multiples of the shift,
 *     with the signal reflected at the edges
 */
public record FrameExtractionOptions(double sampleFrequency, double frameShiftMs, double frameLengthMs,
    double dither, double preemphasisCoefficient, boolean removeDcOffset, WindowType windowType,
    double blackmanCoeff, boolean roundToPowerOfTwo, boolean snipEdges) {

  public FrameExtractionOptions {
    if (!(sampleFrequency > 0) || Double.isInfinite(sampleFrequency)) {
      throw new IllegalArgumentException("sample-frequency must be > 0; got: " + sampleFrequency);
    }
    if (!(frameShiftMs > 0) || Double.isInfinite(frameShiftMs)) {
      throw new IllegalArgumentException("frame-shift must be > 0; got: " + frameShiftMs);
    }
    if (!(frameLengthMs > 0) || Double.isInfinite(frameLengthMs)) {
      throw new IllegalArgumentException("frame-length must be > 0; got: " + frameLengthMs);
    }
    if (!(dither >= 0) || Double.isInfinite(dither)) {
      throw new IllegalArgumentException("dither must be >= 0; got: " + dither);
    }
    if (!(preemphasisCoefficient >= 0 && preemphasisCoefficient <= 1)) {
      throw new IllegalArgumentException("preemphasis-coefficient must be in [0, 1]; got: "
          + preemphasisCoefficient);
    }
    if (windowType == null) {
      throw new IllegalArgumentException("window-type must be given; got: null");
    }
    if (!Double.isFinite(blackmanCoeff)) {
      throw new IllegalArgumentException("blackman-coeff must be finite; got: " + blackmanCoeff);
    }
    if ((int) (sampleFrequency * 0.001 * frameShiftMs) < 1) { // fields are not yet assigned here
      throw new IllegalArgumentException("frame-shift must be at least one sample; got: " + frameShiftMs
          + " ms at " + sampleFrequency + " Hz");
    }
    int size = (int) (sampleFrequency * 0.001 * frameLengthMs);
    if (size < 2) {
      throw new IllegalArgumentException("frame-length must be at least two samples; got: " + frameLengthMs
          + " ms at " + sampleFrequency + " Hz");
    }
    if (!roundToPowerOfTwo && size % 2 != 0) {
      throw new IllegalArgumentException("the frame length in samples must be even when "
          + "round-to-power-of-two=false; got: " + size);
    }
  }

  /** Kaldi's defaults: 16 kHz, 25 ms / 10 ms, dither 1, pre-emphasis 0.97, povey window, snip edges. */
  public static FrameExtractionOptions defaults() {
    return new FrameExtractionOptions(16000, 10, 25, 1.0, 0.97, true, WindowType.POVEY, 0.42, true, true);
  }

  /** Frame shift in samples (truncated, as Kaldi). */
  public int windowShift() {
    return (int) (sampleFrequency * 0.001 * frameShiftMs);
  }

  /** Frame length in samples (truncated, as Kaldi). */
  public int windowSize() {
    return (int) (sampleFrequency * 0.001 * frameLengthMs);
  }

  /** FFT length: the frame length, rounded up to a power of two if requested. */
  public int paddedWindowSize() {
    int w = windowSize();
    if (!roundToPowerOfTwo || w <= 1) {
      return w;
    }
    int p = Integer.highestOneBit(w);
    return p == w ? w : p << 1;
  }

  public FrameExtractionOptions withDither(double d) {
    return new FrameExtractionOptions(sampleFrequency, frameShiftMs, frameLengthMs, d, preemphasisCoefficient,
        removeDcOffset, windowType, blackmanCoeff, roundToPowerOfTwo, snipEdges);
  }

  public FrameExtractionOptions withSnipEdges(boolean s) {
    return new FrameExtractionOptions(sampleFrequency, frameShiftMs, frameLengthMs, dither, preemphasisCoefficient,
        removeDcOffset, windowType, blackmanCoeff, roundToPowerOfTwo, s);
  }

  public FrameExtractionOptions withWindowType(WindowType w) {
    return new FrameExtractionOptions(sampleFrequency, frameShiftMs, frameLengthMs, dither, preemphasisCoefficient,
        removeDcOffset, w, blackmanCoeff, roundToPowerOfTwo, snipEdges);
  }

  public FrameExtractionOptions withRoundToPowerOfTwo(boolean r) {
    return new FrameExtractionOptions(sampleFrequency, frameShiftMs, frameLengthMs, dither, preemphasisCoefficient,
        removeDcOffset, windowType, blackmanCoeff, r, snipEdges);
  }
}
