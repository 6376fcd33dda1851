package org.asrdistill.acoustic.tree;

import java.io.IOException;
import org.asrdistill.acoustic.io.KaldiDoubles;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;

/**
 * Kaldi's {@code GaussClusterable}: count, sum and sum of squares of vectors, with a variance floor; its
 * objective is the log likelihood of the data under one diagonal Gaussian with the ML (floored) variance.
 * Format: {@code GCL count var_floor DM(2 x dim)}. Mutable.
 */
public final class GaussStats {
  private static final double LOG_2PI = 1.8378770664093454835606594728112;

  private double count;
  private final double varFloor;
  private final double[] x;
  private final double[] x2;

  public GaussStats(int dim, double varFloor) {
    if (dim < 0) {
      throw new IllegalArgumentException("dim must be >= 0; got: " + dim);
    }
    if (!(varFloor >= 0)) {
      throw new IllegalArgumentException("varFloor must be >= 0; got: " + varFloor);
    }
    this.varFloor = varFloor;
    x = new double[dim];
    x2 = new double[dim];
  }

  /** Stats from moments (for tests and conversions). */
  public static GaussStats of(double count, double[] sum, double[] sumSq, double varFloor) {
    GaussStats g = new GaussStats(sum.length, varFloor);
    g.count = count;
    System.arraycopy(sum, 0, g.x, 0, sum.length);
    System.arraycopy(sumSq, 0, g.x2, 0, sumSq.length);
    return g;
  }

  public int dim() {
    return x.length;
  }

  public double count() {
    return count;
  }

  public double varFloor() {
    return varFloor;
  }

  public double[] sum() {
    return x.clone();
  }

  public double[] sumSq() {
    return x2.clone();
  }

  /** Adds {@code weight} times the vector {@code v[off..off+dim)}. */
  public void addStats(float[] v, int off, double weight) {
    count += weight;
    for (int d = 0; d < x.length; d++) {
      double a = v[off + d];
      x[d] += weight * a;
      x2[d] += weight * a * a;
    }
  }

  public void add(GaussStats o) {
    checkDim(o);
    count += o.count;
    for (int d = 0; d < x.length; d++) {
      x[d] += o.x[d];
      x2[d] += o.x2[d];
    }
  }

  public void sub(GaussStats o) {
    checkDim(o);
    count -= o.count;
    for (int d = 0; d < x.length; d++) {
      x[d] -= o.x[d];
      x2[d] -= o.x2[d];
    }
  }

  private void checkDim(GaussStats o) {
    if (o.x.length != x.length) {
      throw new IllegalArgumentException("stats dimensions differ: " + x.length + " vs " + o.x.length);
    }
  }

  public GaussStats copy() {
    return of(count, x, x2, varFloor);
  }

  /** Kaldi's {@code GaussClusterable::Objf}: 0 for non-positive counts. */
  public double objf() {
    if (count <= 0) {
      return 0;
    }
    int dim = x.length;
    double perFrame = 0;
    double sumLog = 0;
    for (int d = 0; d < dim; d++) {
      double mean = x[d] / count;
      double var = x2[d] / count - mean * mean;
      double floored = Math.max(var, varFloor);
      perFrame += -0.5 * var / floored;
      sumLog += Math.log(floored);
    }
    perFrame += -0.5 * (sumLog + LOG_2PI * dim);
    return Double.isNaN(perFrame) ? 0 : perFrame * count;
  }

  /** Kaldi's {@code Distance}: the objective lost by merging the two sets of statistics (>= 0). */
  public double distance(GaussStats o) {
    GaussStats s = copy();
    s.add(o);
    return objf() + o.objf() - s.objf();
  }

  /** The mean and floored variance, as Kaldi's {@code DiagGmm(GaussClusterable, var_floor)}. */
  public double[][] meanAndVariance(double floor) {
    if (!(count > 0)) {
      throw new IllegalStateException("stats with count " + count + " have no mean");
    }
    double[] m = new double[x.length];
    double[] v = new double[x.length];
    for (int d = 0; d < x.length; d++) {
      m[d] = x[d] / count;
      v[d] = Math.max(x2[d] / count - m[d] * m[d], floor);
    }
    return new double[][] {m, v};
  }

  public static GaussStats read(KaldiInput in, boolean binary) throws IOException {
    in.expectToken("GCL");
    double count = KaldiDoubles.readDouble(in, binary, "count");
    long at = in.offset();
    double floor = KaldiDoubles.readDouble(in, binary, "var_floor");
    DoubleMatrix m = KaldiDoubles.readMatrix(in, binary, "Gaussian stats");
    if (!(floor >= 0) || (m.rows() != 2 && !(m.rows() == 0 && m.cols() == 0))) {
      throw in.error(at, "bad Gaussian stats: var_floor " + floor + ", matrix " + m.rows() + " x " + m.cols());
    }
    int dim = m.cols();
    double[] d = m.data();
    GaussStats g = new GaussStats(dim, floor);
    g.count = count;
    if (dim > 0) {
      System.arraycopy(d, 0, g.x, 0, dim);
      System.arraycopy(d, dim, g.x2, 0, dim);
    }
    return g;
  }

  public void write(KaldiOutput out, boolean binary) throws IOException {
    out.writeToken("GCL");
    KaldiDoubles.writeDouble(out, binary, count);
    KaldiDoubles.writeDouble(out, binary, varFloor);
    double[] d = new double[2 * x.length];
    System.arraycopy(x, 0, d, 0, x.length);
    System.arraycopy(x2, 0, d, x.length, x.length);
    KaldiDoubles.writeMatrix(out, binary, new DoubleMatrix(2, x.length, d));
  }
}
