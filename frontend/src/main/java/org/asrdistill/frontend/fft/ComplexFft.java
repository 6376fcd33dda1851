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
  private final double[] r4;      // radix-4 twiddles per pass: (W^j, W^2j, W^3j) interleaved re/im
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
      r4 = radix4Twiddles(n);
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
      r4 = null;
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

  /** Offset in {@link #r4} of the pass that builds DFTs of size {@code quad} (16, 64, 256, ...). */
  private static int r4Offset(int quad) {
    int off = 0;
    for (int q = 16; q < quad; q <<= 2) {
      off += 6 * (q / 4);
    }
    return off;
  }

  private static double[] radix4Twiddles(int n) {
    int total = 0;
    for (int q = 16; q <= n && 2 * (q / 2) <= n; q <<= 2) {
      total += 6 * (q / 4);
    }
    double[] t = new double[Math.max(1, total)];
    for (int q = 16; q <= n; q <<= 2) {
      int off = r4Offset(q);
      for (int j = 0; j < q / 4; j++) {
        for (int m = 1; m <= 3; m++) {
          double a = -2 * Math.PI * m * j / q;
          t[off + 6 * j + 2 * (m - 1)] = Math.cos(a);
          t[off + 6 * j + 2 * (m - 1) + 1] = Math.sin(a);
        }
      }
    }
    return t;
  }

  private ComplexFft(ComplexFft o) {
    n = o.n;
    bitrev = o.bitrev;
    r4 = o.r4;
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

  /**
   * The bit-reversal permutation of this power-of-two length ({@code bitReversal()[i]} is the position of
   * input i in the order {@link #transformBitReversed} expects), or null for other lengths. Shared: do not
   * modify.
   */
  int[] bitReversal() {
    return bitrev;
  }

  /**
   * As {@link #transform} for a power-of-two length, but the input is already in bit-reversed order
   * (element i at {@code bitReversal()[i]}): callers that fill the buffers themselves save the permutation
   * pass (a data-dependent branch per element). Same arithmetic, so bit-identical results.
   */
  void transformBitReversed(double[] re, double[] im) {
    if (bitrev == null) {
      throw new IllegalStateException("FFT length " + n + " is not a power of two");
    }
    butterflies(re, im);
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
    butterflies(re, im);
  }

  private void butterflies(double[] re, double[] im) {
    if (n == 1) {
      return;
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
    int size = 8;
    // radix-4 passes: combine the four size-h DFTs of each 4h block. With bit-reversed input, blocks 0..3
    // hold the DFTs of the samples = 0, 2, 1, 3 (mod 4), so they take twiddles W^0, W^2j, W^j, W^3j.
    for (; 2 * size <= n; size <<= 2) {
      int h = size >> 1;
      int off = r4Offset(2 * size);
      for (int start = 0; start < n; start += 2 * size) {
        for (int j = 0; j < h; j++) {
          int i0 = start + j;
          int i1 = i0 + h;
          int i2 = i1 + h;
          int i3 = i2 + h;
          int t = off + 6 * j;
          double w1r = r4[t];
          double w1i = r4[t + 1];
          double w2r = r4[t + 2];
          double w2i = r4[t + 3];
          double w3r = r4[t + 4];
          double w3i = r4[t + 5];
          double a0r = re[i0];
          double a0i = im[i0];
          double a2r = re[i1] * w2r - im[i1] * w2i; // block 1: samples = 2 (mod 4)
          double a2i = re[i1] * w2i + im[i1] * w2r;
          double a1r = re[i2] * w1r - im[i2] * w1i; // block 2: samples = 1 (mod 4)
          double a1i = re[i2] * w1i + im[i2] * w1r;
          double a3r = re[i3] * w3r - im[i3] * w3i;
          double a3i = re[i3] * w3i + im[i3] * w3r;
          double s02r = a0r + a2r;
          double s02i = a0i + a2i;
          double d02r = a0r - a2r;
          double d02i = a0i - a2i;
          double s13r = a1r + a3r;
          double s13i = a1i + a3i;
          double d13r = a1r - a3r;
          double d13i = a1i - a3i;
          re[i0] = s02r + s13r;
          im[i0] = s02i + s13i;
          re[i2] = s02r - s13r;
          im[i2] = s02i - s13i;
          // X[j+h] = d02 - i d13, X[j+3h] = d02 + i d13
          re[i1] = d02r + d13i;
          im[i1] = d02i - d13r;
          re[i3] = d02r - d13i;
          im[i3] = d02i + d13r;
        }
      }
    }
    for (; size <= n; size <<= 1) {
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
