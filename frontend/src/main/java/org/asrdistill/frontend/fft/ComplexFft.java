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
  private final double[] twRe;    // per stage (size 8, 16, .., n): exp(-2 pi i j / size), j < size/2,
  private final double[] twIm;    // stored contiguously; stage of size s starts at s/2 - 4
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
      twRe = new double[Math.max(1, n - 4)];
      twIm = new double[Math.max(1, n - 4)];
      for (int size = 8; size <= n; size <<= 1) {
        int off = size / 2 - 4;
        for (int j = 0; j < size / 2; j++) {
          double a = 2 * Math.PI * j / size;
          twRe[off + j] = Math.cos(a);
          twIm[off + j] = -Math.sin(a);
        }
      }
      inner = null;
      chirpRe = chirpIm = kernelRe = kernelIm = workRe = workIm = null;
    } else {
      bitrev = null;
      twRe = twIm = null;
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
    twRe = o.twRe;
    twIm = o.twIm;
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
    if (n == 2) {
      double r = re[1];
      double i = im[1];
      re[1] = re[0] - r;
      im[1] = im[0] - i;
      re[0] += r;
      im[0] += i;
      return;
    }
    if (n >= 4) {
      // stages of size 2 and 4 together: twiddles 1 and -i, no multiplications
      for (int s = 0; s < n; s += 4) {
        double ar = re[s] + re[s + 1];
        double ai = im[s] + im[s + 1];
        double br = re[s] - re[s + 1];
        double bi = im[s] - im[s + 1];
        double cr = re[s + 2] + re[s + 3];
        double ci = im[s + 2] + im[s + 3];
        double dr = re[s + 2] - re[s + 3];
        double di = im[s + 2] - im[s + 3];
        re[s] = ar + cr;
        im[s] = ai + ci;
        re[s + 2] = ar - cr;
        im[s + 2] = ai - ci;
        // (dr + i di) * (-i) = di - i dr
        re[s + 1] = br + di;
        im[s + 1] = bi - dr;
        re[s + 3] = br - di;
        im[s + 3] = bi + dr;
      }
    }
    for (int size = 8; size <= n; size <<= 1) {
      int half = size >> 1;
      int off = half - 4;
      for (int start = 0; start < n; start += size) {
        for (int j = 0; j < half; j++) {
          int a = start + j;
          int b = a + half;
          double wr = twRe[off + j];
          double wi = twIm[off + j];
          double br = re[b];
          double bi = im[b];
          double xr = br * wr - bi * wi;
          double xi = br * wi + bi * wr;
          double ar = re[a];
          double ai = im[a];
          re[b] = ar - xr;
          im[b] = ai - xi;
          re[a] = ar + xr;
          im[a] = ai + xi;
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
