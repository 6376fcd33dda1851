package org.asrdistill.frontend.features;

import java.util.SplittableRandom;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Whole-utterance feature extraction (Kaldi's {@code OfflineFeatureTpl}): cuts the waveform into frames,
 * prepares each frame (dither, DC removal, raw energy, pre-emphasis, window, zero padding) and hands it to
 * a {@link FeatureComputer}. Thread-safe: each call works on its own scratch buffers; no allocation per frame.
 *
 * <p>Dither noise comes from a generator seeded by the caller (tools derive the seed from the utterance key),
 * so results are reproducible and independent of the number of threads.
 */
public final class FeatureExtractor {
  private final FeatureComputer prototype;
  private final FrameExtractionOptions opts;
  private final double[] window;

  public FeatureExtractor(FeatureComputer computer) {
    this.prototype = computer.copy();
    this.opts = computer.frameOptions();
    this.window = opts.windowType().weights(opts.windowSize(), opts.blackmanCoeff());
  }

  public static FeatureExtractor fbank(FbankOptions o) {
    return new FeatureExtractor(new Fbank(o));
  }

  public static FeatureExtractor mfcc(MfccOptions o) {
    return new FeatureExtractor(new Mfcc(o));
  }

  public int dim() {
    return prototype.dim();
  }

  public FrameExtractionOptions frameOptions() {
    return opts;
  }

  /** Number of frames for {@code numSamples} samples (Kaldi's NumFrames with flush = true). */
  public static int numFrames(long numSamples, FrameExtractionOptions o) {
    long shift = o.windowShift();
    long length = o.windowSize();
    long n;
    if (o.snipEdges()) {
      n = numSamples < length ? 0 : 1 + (numSamples - length) / shift;
    } else {
      n = (numSamples + shift / 2) / shift;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many frames: " + n);
    }
    return (int) n;
  }

  /** Index of the first sample of frame {@code f} (negative at the start when snip-edges is false). */
  public static long firstSampleOfFrame(int f, FrameExtractionOptions o) {
    long shift = o.windowShift();
    if (o.snipEdges()) {
      return f * shift;
    }
    return f * shift + shift / 2 - o.windowSize() / 2;
  }

  /**
   * Computes the features of a waveform (samples on the int16 scale).
   *
   * @param sampleRate the wave's sample rate; must equal the configured sample frequency
   * @param vtlnWarp VTLN warp factor (1 = none)
   * @param ditherSeed seed of the dither noise (unused when dither = 0)
   * @return frames x dim; 0 x 0 when the wave is shorter than one frame
   */
  public FloatMatrix compute(float[] wave, double sampleRate, double vtlnWarp, long ditherSeed) {
    if ((float) sampleRate != (float) opts.sampleFrequency()) {
      throw new IllegalArgumentException("waveform and config sample frequency mismatch: the wave is "
          + sampleRate + " Hz but --sample-frequency=" + opts.sampleFrequency()
          + " (resample the audio, e.g. with sox, or change --sample-frequency)");
    }
    int rows = numFrames(wave.length, opts);
    if (rows == 0 || wave.length == 0) {
      return new FloatMatrix(0, 0);
    }
    FeatureComputer computer = prototype.copy();
    int dim = computer.dim();
    float[] out = new float[Math.multiplyExact(rows, dim)];
    double[] frame = new double[opts.paddedWindowSize()];
    SplittableRandom rng = opts.dither() != 0 ? new SplittableRandom(ditherSeed) : null;
    boolean rawEnergy = computer.needRawLogEnergy();
    for (int r = 0; r < rows; r++) {
      double e = prepareFrame(wave, r, frame, rng, rawEnergy);
      computer.compute(e, vtlnWarp, frame, out, r * dim);
    }
    return new FloatMatrix(rows, dim, out);
  }

  /**
   * Fills {@code frame} with frame {@code r}, processed and padded; returns the raw log energy (or 0).
   * DC removal is folded into the pre-emphasis/window pass, and the sum for the mean into the copy when
   * there is no dither: the same floating-point operations in the same order as doing each step in its
   * own pass (x - mean is recomputed, not stored), so the output is bit-identical, with two fewer passes.
   */
  private double prepareFrame(float[] wave, int r, double[] frame, SplittableRandom rng, boolean rawEnergy) {
    int length = opts.windowSize();
    long start = firstSampleOfFrame(r, opts);
    int n = wave.length;
    double sum = 0;
    if (start >= 0 && start + length <= n) {
      int s = (int) start;
      for (int i = 0; i < length; i++) {
        double v = wave[s + i];
        frame[i] = v;
        sum += v;
      }
    } else {
      for (int i = 0; i < length; i++) {
        long j = start + i;
        while (j < 0 || j >= n) { // reflect: -1 -> 0, -2 -> 1; n -> n-1, n+1 -> n-2
          j = j < 0 ? -j - 1 : 2L * n - 1 - j;
        }
        frame[i] = wave[(int) j];
        sum += frame[i];
      }
    }
    java.util.Arrays.fill(frame, length, frame.length, 0.0);
    if (rng != null) {
      double d = opts.dither();
      sum = 0;
      for (int i = 0; i < length; i++) {
        frame[i] += d * rng.nextGaussian();
        sum += frame[i];
      }
    }
    double mean = opts.removeDcOffset() ? sum / length : 0.0; // x - 0.0 == x exactly
    double logEnergy = 0.0;
    if (rawEnergy) {
      double e = 0;
      for (int i = 0; i < length; i++) {
        double v = frame[i] - mean;
        e += v * v;
      }
      logEnergy = Math.log(Math.max(e, Fbank.FLT_EPSILON));
    }
    double c = opts.preemphasisCoefficient();
    double[] w = window;
    // DC removal, pre-emphasis and window in one backward pass (frame[i-1] is still unmodified when
    // frame[i] is done)
    for (int i = length - 1; i > 0; i--) {
      frame[i] = ((frame[i] - mean) - c * (frame[i - 1] - mean)) * w[i];
    }
    double f0 = frame[0] - mean;
    frame[0] = (f0 - c * f0) * w[0];
    return logEnergy;
  }
}
