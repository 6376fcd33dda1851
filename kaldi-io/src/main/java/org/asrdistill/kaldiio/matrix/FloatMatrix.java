package org.asrdistill.kaldiio.matrix;

import java.util.Arrays;

/** A dense row-major float matrix (Kaldi's {@code Matrix<float>}, token {@code FM}). */
public final class FloatMatrix {
  private final int rows;
  private final int cols;
  private final float[] data;

  public FloatMatrix(int rows, int cols) {
    this(rows, cols, new float[checkedSize(rows, cols)]);
  }

  /** Wraps {@code data} (row-major, length rows*cols) without copying. */
  public FloatMatrix(int rows, int cols, float[] data) {
    checkedSize(rows, cols);
    if (data.length != (long) rows * cols) {
      throw new IllegalArgumentException("data length must be rows*cols = " + (long) rows * cols
          + "; got: " + data.length);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  static int checkedSize(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("dimensions must be >= 0; got: " + rows + " x " + cols);
    }
    long n = (long) rows * cols;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("matrix too large: " + rows + " x " + cols);
    }
    return (int) n;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The backing row-major array (not a copy). */
  public float[] data() {
    return data;
  }

  public float get(int r, int c) {
    return data[r * cols + c];
  }

  public void set(int r, int c, float v) {
    data[r * cols + c] = v;
  }

  /** A copy of row {@code r}. */
  public float[] row(int r) {
    return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
  }

  /** Rows [r0, r1) and columns [c0, c1), copied (end-exclusive). */
  public FloatMatrix sub(int r0, int r1, int c0, int c1) {
    if (r0 < 0 || r1 > rows || r0 > r1 || c0 < 0 || c1 > cols || c0 > c1) {
      throw new IllegalArgumentException("range [" + r0 + ":" + r1 + "," + c0 + ":" + c1
          + ") outside " + rows + " x " + cols);
    }
    int nr = r1 - r0;
    int nc = c1 - c0;
    float[] out = new float[nr * nc];
    for (int r = 0; r < nr; r++) {
      System.arraycopy(data, (r0 + r) * cols + c0, out, r * nc, nc);
    }
    return new FloatMatrix(nc == 0 ? 0 : nr, nr == 0 ? 0 : nc, out);
  }

  public DoubleMatrix toDouble() {
    double[] d = new double[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = data[i];
    }
    return new DoubleMatrix(rows, cols, d);
  }

  public float min() {
    float m = Float.POSITIVE_INFINITY;
    for (float v : data) {
      m = Math.min(m, v);
    }
    return m;
  }

  public float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float v : data) {
      m = Math.max(m, v);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatMatrix && ((FloatMatrix) o).rows == rows && ((FloatMatrix) o).cols == cols
        && Arrays.equals(((FloatMatrix) o).data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "FloatMatrix[" + rows + " x " + cols + "]";
  }
}
