package org.asrdistill.frontend.input;

/**
 * Band-limited resampling by a Hann-windowed sinc filter, with Kaldi's conventions for feature
 * extraction ({@code LinearResample}): cutoff at 0.99 of the lower Nyquist frequency, 6 zero crossings
 * on each side, and {@code floor(n * outRate / inRate)} output samples.
 */
public final class Resampler {
  /** Zero crossings of the sinc on each side of the centre. */
  public static final int NUM_ZEROS = 6;

  private Resampler() {
  }

  /**
   * Resamples {@code x} from {@code inRate} to {@code outRate} Hz. Runs in O(n_out x taps) where taps is
   * about {@code 2 * NUM_ZEROS * inRate / (2 * cutoff)}; returns a new array, {@code x} is not changed.
   */
  public static float[] resample(float[] x, int inRate, int outRate) {
    if (inRate <= 0 || outRate <= 0) {
      throw new IllegalArgumentException("sample rates must be > 0; got: " + inRate + " and " + outRate);
    }
    if (inRate == outRate) {
      return x.clone();
    }
    double cutoff = 0.99 * 0.5 * Math.min(inRate, outRate);
    double halfWidth = NUM_ZEROS / (2.0 * cutoff); // seconds
    int nOut = (int) Math.floor((double) x.length * outRate / inRate);
    float[] y = new float[nOut];
    for (int i = 0; i < nOut; i++) {
      double t = (double) i / outRate;
      int first = (int) Math.ceil((t - halfWidth) * inRate);
      int last = (int) Math.floor((t + halfWidth) * inRate);
      double acc = 0;
      for (int j = Math.max(0, first); j <= last && j < x.length; j++) {
        acc += x[j] * filter(t - (double) j / inRate, cutoff, halfWidth);
      }
      y[i] = (float) (acc / inRate);
    }
    return y;
  }

  private static double filter(double t, double cutoff, double halfWidth) {
    if (Math.abs(t) >= halfWidth) {
      return 0;
    }
    double window = 0.5 * (1 + Math.cos(Math.PI * t / halfWidth));
    double arg = 2 * Math.PI * cutoff * t;
    double sinc = t == 0 ? 1 : Math.sin(arg) / arg;
    return window * 2 * cutoff * sinc;
  }
}
