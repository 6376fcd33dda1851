package org.asrdistill.kaldiio.matrix;

import java.util.Arrays;

/** A dense row-major double matrix (Kaldi's {@code Matrix<double>}, token {@code DM}). */
public final class DoubleMatrix {
  private final int rows;
  private final int cols;
  private final double[] data;

  public DoubleMatrix(int rows, int cols) {
    this(rows, cols, new double[FloatMatrix.checkedSize(rows, cols)]);
  }

  /** Wraps {@code data} (row-major, length rows*cols) without copying. */
  public DoubleMatrix(int rows, int cols, double[] data) {
    FloatMatrix.checkedSize(rows, cols);
    if (data.length != (long) rows * cols) {
      throw new IllegalArgumentException("data length must be rows*cols = " + (long) rows * cols
          + "; got: " + data.length);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The backing row-major array (not a copy). */
  public double[] data() {
    return data;
  }

  public double get(int r, int c) {
    return data[r * cols + c];
  }

  public void set(int r, int c, double v) {
    data[r * cols + c] = v;
  }

  /** A copy of row {@code r}. */
  public double[] row(int r) {
    return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
  }

  /** Rows [r0, r1) and columns [c0, c1), copied (end-exclusive). */
  public DoubleMatrix sub(int r0, int r1, int c0, int c1) {
    if (r0 < 0 || r1 > rows || r0 > r1 || c0 < 0 || c1 > cols || c0 > c1) {
      throw new IllegalArgumentException("range [" + r0 + ":" + r1 + "," + c0 + ":" + c1
          + ") outside " + rows + " x " + cols);
    }
    int nr = r1 - r0;
    int nc = c1 - c0;
    double[] out = new double[nr * nc];
    for (int r = 0; r < nr; r++) {
      System.arraycopy(data, (r0 + r) * cols + c0, out, r * nc, nc);
    }
    return new DoubleMatrix(nc == 0 ? 0 : nr, nr == 0 ? 0 : nc, out);
  }

  public FloatMatrix toFloat() {
    float[] f = new float[data.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) data[i];
    }
    return new FloatMatrix(rows, cols, f);
  }

  public double min() {
    double m = Double.POSITIVE_INFINITY;
    for (double v : data) {
      m = Math.min(m, v);
    }
    return m;
  }

  public double max() {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : data) {
      m = Math.max(m, v);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoubleMatrix && ((DoubleMatrix) o).rows == rows && ((DoubleMatrix) o).cols == cols
        && Arrays.equals(((DoubleMatrix) o).data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "DoubleMatrix[" + rows + " x " + cols + "]";
  }
}
