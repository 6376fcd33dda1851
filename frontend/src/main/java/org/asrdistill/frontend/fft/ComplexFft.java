package org.asrdistill.frontend.fft;

/**
 * In-place forward complex DFT of a fixed length n: X[k] = sum_j x[j] exp(-2 pi i j k / n). Powers of two
 * use an iterative radix-2 transform with precomputed twiddles; other lengths use Bluestein's algorithm
 * (three power-of-two transforms of length >= 2n-1). O(n log n). Instances hold scratch buffers: one per
 * thread (use {@link #copy()}).
 */
public final class ComplexFft {
  private final int n;
  private final int[] bitrev;     // power-of-two case
  private final double[] cos;     // twiddles cos(2 pi j / n), j < n/2
  private final double[] sin;     // -sin(2 pi j / n)
  // Bluestein case
  private final ComplexFft inner;
  private final double[] chirpRe;
  private final double[] chirpIm;
  private final double[] kernelRe; // FFT of the conjugate chirp, length inner.n
  private final double[] kernelIm;
  private final double[] workRe;
  private final double[] workIm;

  public ComplexFft(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("FFT length must be >= 1; got: " + n);
    }
    this.n = n;
    if (Integer.bitCount(n) == 1) {
      int bits = Integer.numberOfTrailingZeros(n);
      bitrev = new int[n];
      for (int i = 0; i < n; i++) {
        bitrev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
      }
      cos = new double[Math.max(1, n / 2)];
      sin = new double[Math.max(1, n / 2)];
      for (int j = 0; j < n / 2; j++) {
        double a = 2 * Math.PI * j / n;
        cos[j] = Math.cos(a);
        sin[j] = -Math.sin(a);
      }
      inner = null;
      chirpRe = chirpIm = kernelRe = kernelIm = workRe = workIm = null;
    } else {
      bitrev = null;
      cos = sin = null;
      int m = Integer.highestOneBit(2 * n - 1);
      if (m < 2 * n - 1) {
        m <<= 1;
      }
      inner = new ComplexFft(m);
      chirpRe = new double[n];
      chirpIm = new double[n];
      for (int k = 0; k < n; k++) {
        long k2 = ((long) k * k) % (2L * n); // exact angle argument: pi k^2 / n mod 2 pi
        double a = Math.PI * k2 / n;
        chirpRe[k] = Math.cos(a);
        chirpIm[k] = -Math.sin(a);
      }
      kernelRe = new double[m];
      kernelIm = new double[m];
      for (int k = 0; k < n; k++) {
        kernelRe[k] = chirpRe[k];
        kernelIm[k] = -chirpIm[k];
        if (k > 0) {
          kernelRe[m - k] = chirpRe[k];
          kernelIm[m - k] = -chirpIm[k];
        }
      }
      inner.transform(kernelRe, kernelIm);
      workRe = new double[m];
      workIm = new double[m];
    }
  }

  private ComplexFft(ComplexFft o) {
    n = o.n;
    bitrev = o.bitrev;
    cos = o.cos;
    sin = o.sin;
    inner = o.inner == null ? null : o.inner.copy();
    chirpRe = o.chirpRe;
    chirpIm = o.chirpIm;
    kernelRe = o.kernelRe;
    kernelIm = o.kernelIm;
    workRe = o.workRe == null ? null : new double[o.workRe.length];
    workIm = o.workIm == null ? null : new double[o.workIm.length];
  }

  /** An instance sharing the precomputed tables but with its own scratch buffers (for another thread). */
  public ComplexFft copy() {
    return new ComplexFft(this);
  }

  public int length() {
    return n;
  }

  /** Transforms re/im (length >= n; the first n entries are used) in place. */
  public void transform(double[] re, double[] im) {
    if (bitrev != null) {
      radix2(re, im);
    } else {
      bluestein(re, im);
    }
  }

  private void radix2(double[] re, double[] im) {
    for (int i = 0; i < n; i++) {
      int j = bitrev[i];
      if (j > i) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int size = 2; size <= n; size <<= 1) {
      int half = size >> 1;
      int step = n / size;
      for (int start = 0; start < n; start += size) {
        for (int j = 0, t = 0; j < half; j++, t += step) {
          int a = start + j;
          int b = a + half;
          double wr = cos[t];
          double wi = sin[t];
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }

  private void bluestein(double[] re, double[] im) {
    int m = workRe.length;
    for (int k = 0; k < n; k++) {
      workRe[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k];
      workIm[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k];
    }
    java.util.Arrays.fill(workRe, n, m, 0.0);
    java.util.Arrays.fill(workIm, n, m, 0.0);
    inner.transform(workRe, workIm);
    // multiply by the kernel spectrum and inverse-transform via conjugation
    for (int k = 0; k < m; k++) {
      double r = workRe[k] * kernelRe[k] - workIm[k] * kernelIm[k];
      double i = workRe[k] * kernelIm[k] + workIm[k] * kernelRe[k];
      workRe[k] = r;
      workIm[k] = -i;
    }
    inner.transform(workRe, workIm);
    double scale = 1.0 / m;
    for (int k = 0; k < n; k++) {
      double r = workRe[k] * scale;
      double i = -workIm[k] * scale;
      re[k] = r * chirpRe[k] - i * chirpIm[k];
      im[k] = r * chirpIm[k] + i * chirpRe[k];
    }
  }
}
