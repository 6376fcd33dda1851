package org.asrdistill.frontend.fft;

/**
 * Power spectra of a block of real frames at once, in double precision, with the frames in lanes: row i of
 * the input holds sample i of every frame ({@code x[i][lane]}). Each step of the transform is then one
 * operation applied across the lanes of a row, a loop the JIT compiles to SIMD instructions, so one pass of
 * butterflies does {@code lanes} transforms.
 *
 * <p>A real sequence of even length n is transformed as one complex sequence of length n/2 (even samples as
 * real part, odd as imaginary) followed by the split step. For powers of two the bit-reversal only permutes
 * row references; radix-2 passes follow (twiddles 1 and -i without multiplications), the first stages group
 * by group while a group is in the L1 cache. Other lengths transform each lane with {@link RealFft}.
 * O(lanes n log n). Instances hold scratch references and buffers: one per thread ({@link #copy()}).
 */
public final class LaneRealFft {
  /** Complex rows x lanes of a group whose first stages run together (16 bytes each: 32 KB, an L1 cache). */
  private static final int LOCAL_ROWS = 2048;
  private final int n;
  private final int half;
  private final int lanes;
  private final int[] rev;      // bit reversal of half (power-of-two case), else null
  private final double[] twRe;   // exp(-2 pi i j / size), j < size/2, for size = 2, 4, .., n/2 in turn
  private final double[] twIm;
  private final double[] splitCos; // cos(2 pi k / n), k <= n/2
  private final double[] splitSin; // -sin(2 pi k / n)
  private final double[][] zr;   // row references of the complex sequence
  private final double[][] zi;
  private final RealFft scalar; // other lengths
  private final double[] column;
  private final double[] columnPower;

  /**
   * @param n real transform length (even, >= 2)
   * @param lanes frames per block (>= 1)
   */
  public LaneRealFft(int n, int lanes) {
    if (n < 2 || n % 2 != 0) {
      throw new IllegalArgumentException("real FFT length must be even and >= 2; got: " + n);
    }
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes must be >= 1; got: " + lanes);
    }
    this.n = n;
    this.half = n / 2;
    this.lanes = lanes;
    this.splitCos = new double[half + 1];
    this.splitSin = new double[half + 1];
    for (int k = 0; k <= half; k++) {
      splitCos[k] = Math.cos(2 * Math.PI * k / n);
      splitSin[k] = -Math.sin(2 * Math.PI * k / n);
    }
    if (Integer.bitCount(half) == 1) {
      int bits = Integer.numberOfTrailingZeros(half);
      rev = new int[half];
      for (int i = 0; i < half; i++) {
        rev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
      }
      twRe = new double[Math.max(1, half - 1)];
      twIm = new double[Math.max(1, half - 1)];
      for (int size = 2, t = 0; size <= half; t += size / 2, size <<= 1) {
        for (int j = 0; j < size / 2; j++) {
          twRe[t + j] = Math.cos(2 * Math.PI * j / size);
          twIm[t + j] = -Math.sin(2 * Math.PI * j / size);
        }
      }
      zr = new double[half][];
      zi = new double[half][];
      scalar = null;
      column = columnPower = null;
    } else {
      rev = null;
      twRe = twIm = null;
      zr = zi = null;
      scalar = new RealFft(n);
      column = new double[n];
      columnPower = new double[half + 1];
    }
  }

  private LaneRealFft(LaneRealFft o) {
    n = o.n;
    half = o.half;
    lanes = o.lanes;
    rev = o.rev;
    twRe = o.twRe;
    twIm = o.twIm;
    splitCos = o.splitCos;
    splitSin = o.splitSin;
    zr = o.zr == null ? null : new double[half][];
    zi = o.zi == null ? null : new double[half][];
    scalar = o.scalar == null ? null : o.scalar.copy();
    column = o.column == null ? null : new double[n];
    columnPower = o.columnPower == null ? null : new double[half + 1];
  }

  /** An instance sharing the tables, with its own scratch (for another thread). */
  public LaneRealFft copy() {
    return new LaneRealFft(this);
  }

  public int length() {
    return n;
  }

  public int lanes() {
    return lanes;
  }

  /**
   * Computes |X[k]|^2, k = 0..n/2, of the first {@code used} lanes of {@code x} (n rows of at least that
   * many lanes) into {@code power} (n/2+1 rows). The rows of {@code x} are used as workspace: their contents
   * are destroyed.
   */
  public void powerSpectrum(double[][] x, double[][] power, int used) {
    if (x.length < n || power.length < half + 1 || used < 0 || used > lanes) {
      throw new IllegalArgumentException("need " + n + " input rows, " + (half + 1) + " output rows and "
          + "0 <= used <= " + lanes + "; got: " + x.length + ", " + power.length + ", " + used);
    }
    if (rev == null) {
      perLane(x, power, used);
      return;
    }
    for (int j = 0; j < half; j++) {
      zr[rev[j]] = x[2 * j];
      zi[rev[j]] = x[2 * j + 1];
    }
    butterflies(used);
    split(power, used);
  }

  private void perLane(double[][] x, double[][] power, int used) {
    for (int l = 0; l < used; l++) {
      for (int i = 0; i < n; i++) {
        column[i] = x[i][l];
      }
      scalar.powerSpectrum(column, columnPower);
      for (int k = 0; k <= half; k++) {
        power[k][l] = columnPower[k];
      }
    }
  }

  /**
   * Radix-2 decimation-in-time passes over the bit-reversed rows. Radix-2 rather than radix-4: the JIT only
   * vectorises loops whose bodies are small enough to unroll under its default limits (a radix-4 body is
   * not, and runs about three times slower per butterfly at default JVM settings).
   */
  private void butterflies(int used) {
    int m = half;
    // stages up to LOCAL first, group by group, while a group's rows are in the L1 cache; then the rest
    int local = Math.min(m, Math.max(2, LOCAL_ROWS / Math.max(1, used)));
    local = Integer.highestOneBit(local);
    for (int group = 0; group < m; group += local) {
      for (int size = 2, t = 0; size <= local; t += size / 2, size <<= 1) {
        stage(size, t, group, group + local, used);
      }
    }
    for (int size = 2 * local, t = local - 1; size <= m; t += size / 2, size <<= 1) {
      stage(size, t, 0, m, used);
    }
  }

  /** One radix-2 stage of DFT size {@code size} (twiddles at {@code t}) over rows [from, to). */
  private void stage(int size, int t, int from, int to, int used) {
    int h = size >> 1;
    for (int start = from; start < to; start += size) {
      unit(start, start + h, used);
      for (int j = 1; j < h; j++) {
        if (4 * j == size) {
          minusI(start + j, start + j + h, used);
        } else {
          radix2(start + j, start + j + h, twRe[t + j], twIm[t + j], used);
        }
      }
    }
  }

  /** Butterfly with twiddle 1. */
  private void unit(int a, int b, int used) {
    double[] ar = zr[a];
    double[] ai = zi[a];
    double[] br = zr[b];
    double[] bi = zi[b];
    for (int l = 0; l < used; l++) {
      double xr = br[l];
      double xi = bi[l];
      double yr = ar[l];
      double yi = ai[l];
      br[l] = yr - xr;
      bi[l] = yi - xi;
      ar[l] = yr + xr;
      ai[l] = yi + xi;
    }
  }

  /** Butterfly with twiddle -i: (xr + i xi)(-i) = xi - i xr. */
  private void minusI(int a, int b, int used) {
    double[] ar = zr[a];
    double[] ai = zi[a];
    double[] br = zr[b];
    double[] bi = zi[b];
    for (int l = 0; l < used; l++) {
      double xr = bi[l];
      double xi = -br[l];
      double yr = ar[l];
      double yi = ai[l];
      br[l] = yr - xr;
      bi[l] = yi - xi;
      ar[l] = yr + xr;
      ai[l] = yi + xi;
    }
  }

  private void radix2(int a, int b, double wr, double wi, int used) {
    double[] ar = zr[a];
    double[] ai = zi[a];
    double[] br = zr[b];
    double[] bi = zi[b];
    for (int l = 0; l < used; l++) {
      double xr = br[l] * wr - bi[l] * wi;
      double xi = br[l] * wi + bi[l] * wr;
      double yr = ar[l];
      double yi = ai[l];
      br[l] = yr - xr;
      bi[l] = yi - xi;
      ar[l] = yr + xr;
      ai[l] = yi + xi;
    }
  }

  /** The split step: X[k] = E[k] + W^k O[k] from Z[k] and conj Z[n/2-k]; writes |X[k]|^2. */
  private void split(double[][] power, int used) {
    for (int k = 0; k <= half; k++) {
      double[] ra = zr[k == half ? 0 : k];
      double[] ia = zi[k == half ? 0 : k];
      double[] rb = zr[k == 0 ? 0 : half - k];
      double[] ib = zi[k == 0 ? 0 : half - k];
      double c = 0.5 * splitCos[k];
      double s = 0.5 * splitSin[k];
      double[] p = power[k];
      for (int l = 0; l < used; l++) {
        // 2E = (ra + rb) + i (ia - ib), 2O = (ia + ib) - i (ra - rb)
        double er = 0.5 * (ra[l] + rb[l]);
        double ei = 0.5 * (ia[l] - ib[l]);
        double or = ia[l] + ib[l];
        double oi = rb[l] - ra[l];
        double xr = er + c * or - s * oi;
        double xi = ei + c * oi + s * or;
        p[l] = xr * xr + xi * xi;
      }
    }
  }
}
