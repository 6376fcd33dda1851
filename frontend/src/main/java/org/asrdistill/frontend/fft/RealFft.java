package org.asrdistill.frontend.fft;

/**
 * Forward DFT of a real sequence of even length n, computed with one complex transform of length n/2
 * (any even n: powers of two are fastest). Gives the n/2+1 non-redundant bins or their power spectrum.
 * Instances hold scratch buffers: one per thread (use {@link #copy()}).
 */
public final class RealFft {
  private final int n;
  private final int half;
  private final ComplexFft fft;
  private final double[] re;
  private final double[] im;
  private final double[] twCos; // cos(2 pi k / n), k <= n/2
  private final double[] twSin; // sin(2 pi k / n)

  public RealFft(int n) {
    if (n < 2 || n % 2 != 0) {
      throw new IllegalArgumentException("real FFT length must be even and >= 2; got: " + n);
    }
    this.n = n;
    this.half = n / 2;
    this.fft = new ComplexFft(half);
    this.re = new double[half];
    this.im = new double[half];
    this.twCos = new double[half + 1];
    this.twSin = new double[half + 1];
    for (int k = 0; k <= half; k++) {
      twCos[k] = Math.cos(2 * Math.PI * k / n);
      twSin[k] = Math.sin(2 * Math.PI * k / n);
    }
  }

  private RealFft(RealFft o) {
    n = o.n;
    half = o.half;
    fft = o.fft.copy();
    re = new double[half];
    im = new double[half];
    twCos = o.twCos;
    twSin = o.twSin;
  }

  public RealFft copy() {
    return new RealFft(this);
  }

  public int length() {
    return n;
  }

  /**
   * Computes |X[k]|^2 for k = 0..n/2 of the real input x[0..n) into {@code power[0..n/2]}. {@code x} is not
   * modified.
   */
  public void powerSpectrum(double[] x, double[] power) {
    transformPacked(x);
    for (int k = 0; k <= half; k++) {
      int a = k == half ? 0 : k;
      int b = k == 0 ? 0 : half - k;
      // E = (Z[k] + conj Z[h-k]) / 2, O = (Z[k] - conj Z[h-k]) / 2i
      double er = 0.5 * (re[a] + re[b]);
      double ei = 0.5 * (im[a] - im[b]);
      double or = 0.5 * (im[a] + im[b]);
      double oi = -0.5 * (re[a] - re[b]);
      // X[k] = E + w^k O with w = exp(-2 pi i / n)
      double c = twCos[k];
      double s = -twSin[k];
      double xr = er + c * or - s * oi;
      double xi = ei + c * oi + s * or;
      power[k] = xr * xr + xi * xi;
    }
  }

  /** Computes the complex spectrum X[k], k = 0..n/2, into outRe/outIm (length >= n/2+1). */
  public void transform(double[] x, double[] outRe, double[] outIm) {
    transformPacked(x);
    for (int k = 0; k <= half; k++) {
      int a = k == half ? 0 : k;
      int b = k == 0 ? 0 : half - k;
      double er = 0.5 * (re[a] + re[b]);
      double ei = 0.5 * (im[a] - im[b]);
      double or = 0.5 * (im[a] + im[b]);
      double oi = -0.5 * (re[a] - re[b]);
      double c = twCos[k];
      double s = -twSin[k];
      outRe[k] = er + c * or - s * oi;
      outIm[k] = ei + c * oi + s * or;
    }
  }

  private void transformPacked(double[] x) {
    int[] rev = fft.bitReversal();
    if (rev == null) {
      for (int j = 0; j < half; j++) {
        re[j] = x[2 * j];
        im[j] = x[2 * j + 1];
      }
      fft.transform(re, im);
      return;
    }
    // power of two: pack straight into bit-reversed order (no separate permutation pass)
    for (int j = 0; j < half; j++) {
      int r = rev[j];
      re[r] = x[2 * j];
      im[r] = x[2 * j + 1];
    }
    fft.transformBitReversed(re, im);
  }
}
