package org.asrdistill.frontend.features;

import java.util.SplittableRandom;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Whole-utterance feature extraction (Kaldi's {@code OfflineFeatureTpl}): cuts the waveform into frames,
 * prepares them (dither, DC removal, raw energy, pre-emphasis, window, zero padding) in blocks of up to
 * {@value #LANES} frames laid out in lanes ({@link FrameBlock}) and hands each block to a
 * {@link FeatureComputer}. Double precision (Kaldi computes in float): a float FFT leaves errors of about
 * 1e-7 of a frame's energy in every bin, which reach 3e-3 in the log of mel bins 80 dB below the frame's
 * peak. Thread-safe: each thread works on its own scratch buffers, kept between calls; no allocation per frame.
 *
 * <p>Dither noise comes from a generator seeded by the caller (tools derive the seed from the utterance key),
 * so results are reproducible and independent of the number of threads and of the block size.
 */
public final class FeatureExtractor {
  /** Frames per block: enough lanes for the JIT's unrolled SIMD loops, few enough to stay in L2. */
  static final int LANES = 64;
  private final FeatureComputer prototype;
  private final FrameExtractionOptions opts;
  private final double[] window;
  /** Per-thread computer and block, reused across utterances (about 0.5 MB that would be garbage per call). */
  private final ThreadLocal<Scratch> scratch;

  private record Scratch(FeatureComputer computer, FrameBlock block) {
  }

  public FeatureExtractor(FeatureComputer computer) {
    this.prototype = computer.copy();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(prototype.copy(),
        new FrameBlock(computer.frameOptions().paddedWindowSize(), LANES)));
    this.opts = computer.frameOptions();
    double[] w = opts.windowType().weights(opts.windowSize(), opts.blackmanCoeff());
    this.window = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      window[i] = w[i];
    }
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
    Scratch sc = scratch.get();
    FeatureComputer computer = sc.computer;
    int dim = computer.dim();
    float[] out = new float[Math.multiplyExact(rows, dim)];
    FrameBlock block = sc.block;
    SplittableRandom rng = opts.dither() != 0 ? new SplittableRandom(ditherSeed) : null;
    boolean rawEnergy = computer.needRawLogEnergy();
    for (int r = 0; r < rows; r += block.lanes()) {
      prepareBlock(wave, r, Math.min(block.lanes(), rows - r), block, rng, rawEnergy);
      computer.compute(block, vtlnWarp, out, r);
    }
    return new FloatMatrix(rows, dim, out);
  }

  /** Index of sample j of a wave of n samples, reflected at both ends: -1 -> 0, -2 -> 1; n -> n-1. */
  private static int reflect(long j, int n) {
    while (j < 0 || j >= n) {
      j = j < 0 ? -j - 1 : 2L * n - 1 - j;
    }
    return (int) j;
  }

  /**
   * Fills {@code block} with frames {@code first .. first+count-1}: samples (reflected at the edges when
   * snip-edges is false), dither, then per lane DC removal, raw log energy, pre-emphasis and window, and
   * zero padding. Dither noise is drawn frame by frame, sample by sample, so it does not depend on the block
   * size.
   */
  private void prepareBlock(float[] wave, int first, int count, FrameBlock block, SplittableRandom rng,
      boolean rawEnergy) {
    double[][] x = block.rows();
    int length = opts.windowSize();
    int shift = opts.windowShift();
    // Frame l+1 starts shift samples after frame l, so sample i + shift of frame l is sample i of frame
    // l+1: gather only the first min(shift, length) samples of count + (length-1)/shift frames (one
    // strided read each), and copy every row of the block from them.
    int baseRows = Math.min(shift, length);
    int extra = (length - 1) / shift;
    double[][] base = block.base(baseRows, count + extra);
    long start0 = firstSampleOfFrame(first, opts);
    int n = wave.length;
    for (int m = 0; m < count + extra; m++) {
      long start = start0 + (long) m * shift;
      if (start >= 0 && start + baseRows <= n) {
        int s = (int) start;
        for (int r = 0; r < baseRows; r++) {
          base[r][m] = wave[s + r];
        }
      } else {
        for (int r = 0; r < baseRows; r++) {
          base[r][m] = wave[reflect(start + r, n)];
        }
      }
    }
    for (int i = 0; i < length; i++) {
      System.arraycopy(base[i % shift], i / shift, x[i], 0, count);
    }
    if (rng != null) {
      double d = opts.dither();
      for (int l = 0; l < count; l++) {
        for (int i = 0; i < length; i++) {
          x[i][l] += d * rng.nextGaussian();
        }
      }
    }
    for (int i = length; i < x.length; i++) {
      java.util.Arrays.fill(x[i], 0, count, 0.0);
    }
    double[] mean = block.mean;
    java.util.Arrays.fill(mean, 0, count, 0.0);
    if (opts.removeDcOffset()) {
      for (int i = 0; i < length; i++) {
        double[] row = x[i];
        for (int l = 0; l < count; l++) {
          mean[l] += row[l];
        }
      }
      double inv = 1.0 / length;
      for (int l = 0; l < count; l++) {
        mean[l] *= inv;
      }
    }
    if (rawEnergy) {
      double[] e = block.rawLogEnergy();
      java.util.Arrays.fill(e, 0, count, 0.0);
      for (int i = 0; i < length; i++) {
        double[] row = x[i];
        for (int l = 0; l < count; l++) {
          double v = row[l] - mean[l];
          e[l] += v * v;
        }
      }
      for (int l = 0; l < count; l++) {
        e[l] = Math.log(Math.max(e[l], Fbank.FLT_EPSILON));
      }
    }
    // DC removal, pre-emphasis and window in one backward pass over the rows (row i-1 is still unmodified
    // when row i is done)
    double c = opts.preemphasisCoefficient();
    for (int i = length - 1; i > 0; i--) {
      double[] cur = x[i];
      double[] prev = x[i - 1];
      double w = window[i];
      for (int l = 0; l < count; l++) {
        cur[l] = ((cur[l] - mean[l]) - c * (prev[l] - mean[l])) * w;
      }
    }
    double[] row0 = x[0];
    double w0 = window[0];
    for (int l = 0; l < count; l++) {
      double f0 = row0[l] - mean[l];
      row0[l] = (f0 - c * f0) * w0;
    }
    block.setCount(count);
  }
}
