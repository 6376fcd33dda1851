package org.asrdistill.kaldiio.table;

import java.io.IOException;
import java.util.function.IntToDoubleFunction;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.matrix.CompressedMatrix;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/** Binary and text encodings of matrices and vectors, shared by the holders. */
final class MatrixCodec {
  /** Values allocated up front without knowing the input holds them; larger sizes grow as data arrives. */
  private static final int EAGER_VALUES = 1 << 22;

  private MatrixCodec() {
  }

  /** Reads a matrix whose binary header (if any) has not been consumed. */
  static FloatMatrix readAny(KaldiInput in) throws IOException {
    if (in.readBinaryHeader()) {
      return readBinaryFloat(in);
    }
    return readTextDouble(in).toFloat();
  }

  private static int[] readDims(KaldiInput in, int valueBytes) throws IOException {
    long at = in.offset();
    int rows = in.readInt32Binary();
    int cols = in.readInt32Binary();
    if (rows < 0 || cols < 0) {
      throw in.error(at, "negative matrix dimensions " + rows + " x " + cols);
    }
    if ((long) rows * cols > Integer.MAX_VALUE - 8) {
      throw in.error(at, "absurd matrix dimensions " + rows + " x " + cols);
    }
    if (rows == 0 || cols == 0) {
      return new int[] {0, 0};
    }
    in.checkAvailable(at, (long) rows * cols * valueBytes, "a " + rows + " x " + cols + " matrix");
    return new int[] {rows, cols};
  }

  static FloatMatrix readBinaryFloat(KaldiInput in) throws IOException {
    return readBinaryFloat(in, null);
  }

  /** Reads a binary float matrix, into {@code reuse} when it has the stored dimensions. */
  static FloatMatrix readBinaryFloat(KaldiInput in, FloatMatrix reuse) throws IOException {
    int c = in.peek();
    if (c == 'C') {
      String tok = in.readToken("compressed-matrix token");
      return CompressedMatrix.readAfterToken(in, tok).toFloatMatrix();
    }
    if (c == 'D') {
      return readBinaryDouble(in).toFloat();
    }
    in.expectToken("FM");
    int[] d = readDims(in, 4);
    int n = d[0] * d[1];
    if (reuse != null && reuse.rows() == d[0] && reuse.cols() == d[1]) {
      in.readFloats(reuse.data(), 0, n);
      return reuse;
    }
    float[] data = new float[Math.min(n, EAGER_VALUES)];
    if (n <= EAGER_VALUES) {
      in.readFloats(data, 0, n);
    } else {
      int done = 0;
      while (done < n) {
        int take = Math.min(n - done, data.length - done);
        if (take == 0) {
          data = java.util.Arrays.copyOf(data, (int) Math.min(n, 2L * data.length));
          continue;
        }
        in.readFloats(data, done, take);
        done += take;
      }
    }
    return new FloatMatrix(d[0], d[1], data);
  }

  static DoubleMatrix readBinaryDouble(KaldiInput in) throws IOException {
    int c = in.peek();
    if (c == 'C' || c == 'F') {
      return readBinaryFloat(in).toDouble();
    }
    in.expectToken("DM");
    int[] d = readDims(in, 8);
    int n = d[0] * d[1];
    double[] data = new double[Math.min(n, EAGER_VALUES)];
    int done = 0;
    while (done < n) {
      int take = Math.min(n - done, data.length - done);
      if (take == 0) {
        data = java.util.Arrays.copyOf(data, (int) Math.min(n, 2L * data.length));
        continue;
      }
      in.readDoubles(data, done, take);
      done += take;
    }
    return new DoubleMatrix(d[0], d[1], data);
  }

  /** Reads Kaldi's text matrix: {@code [ row \n row ... ]}. Rows end at a newline or ';'. */
  static DoubleMatrix readTextDouble(KaldiInput in) throws IOException {
    in.skipSpace();
    long start = in.offset();
    String open = in.readWord("'['");
    if (open == null) {
      throw in.error("expected '[' to start a text matrix, found end of input");
    }
    if (open.equals("[]")) {
      in.skipNewline();
      return new DoubleMatrix(0, 0);
    }
    if (!open.equals("[")) {
      throw in.error(start, "expected '[' to start a text matrix, found '" + KaldiInput.abbreviate(open) + "'");
    }
    DoubleList values = new DoubleList();
    int cols = -1;
    int rows = 0;
    int rowLen = 0;
    while (true) {
      int c = in.peek();
      if (c < 0) {
        throw in.error("end of input inside a text matrix (missing ']')");
      }
      if (c == ']') {
        in.read();
        in.skipNewline();
        if (rowLen > 0) {
          if (cols >= 0 && rowLen != cols) {
            throw in.error("text matrix row " + rows + " has " + rowLen + " values, earlier rows " + cols);
          }
          cols = rowLen;
          rows++;
        }
        break;
      } else if (c == '\n' || c == ';') {
        in.read();
        if (rowLen > 0) {
          if (cols >= 0 && rowLen != cols) {
            throw in.error("text matrix row " + rows + " has " + rowLen + " values, earlier rows " + cols);
          }
          cols = rowLen;
          rows++;
          rowLen = 0;
        }
      } else if (KaldiInput.isSpace(c)) {
        in.read();
      } else {
        long at = in.offset();
        String w = in.readWord("matrix value");
        if (w.endsWith("]")) {
          throw in.error(at, "expected a number or ']', found '" + KaldiInput.abbreviate(w) + "'");
        }
        values.add(in.parseFinite(w, at, "text matrix"));
        rowLen++;
      }
    }
    if (rows == 0) {
      return new DoubleMatrix(0, 0);
    }
    return new DoubleMatrix(rows, cols, values.toArray());
  }

  static void writeText(KaldiOutput out, int rows, int cols, IntToDoubleFunction value) throws IOException {
    if (cols == 0 || rows == 0) {
      out.writeText(" [ ]\n");
      return;
    }
    StringBuilder sb = new StringBuilder(cols * 12 + 8);
    out.writeText(" [");
    for (int r = 0; r < rows; r++) {
      sb.setLength(0);
      sb.append("\n  ");
      for (int c = 0; c < cols; c++) {
        sb.append(TextNumbers.format(value.applyAsDouble(r * cols + c))).append(' ');
      }
      out.writeText(sb.toString());
    }
    out.writeText("]\n");
  }

  static void writeTextVector(KaldiOutput out, int n, IntToDoubleFunction value) throws IOException {
    StringBuilder sb = new StringBuilder(n * 12 + 8);
    sb.append(" [ ");
    for (int i = 0; i < n; i++) {
      sb.append(TextNumbers.format(value.applyAsDouble(i))).append(' ');
    }
    sb.append("]\n");
    out.writeText(sb.toString());
  }

  private static int readVectorDim(KaldiInput in, int valueBytes) throws IOException {
    long at = in.offset();
    int n = in.readInt32Binary();
    if (n < 0) {
      throw in.error(at, "negative vector dimension " + n);
    }
    in.checkAvailable(at, (long) n * valueBytes, "a vector of dimension " + n);
    return n;
  }

  static float[] readBinaryVectorFloat(KaldiInput in) throws IOException {
    if (in.peek() == 'D') {
      double[] d = readBinaryVectorDouble(in);
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return f;
    }
    in.expectToken("FV");
    int n = readVectorDim(in, 4);
    float[] v = new float[Math.min(n, EAGER_VALUES)];
    int done = 0;
    while (done < n) {
      int take = Math.min(n - done, v.length - done);
      if (take == 0) {
        v = java.util.Arrays.copyOf(v, (int) Math.min(n, 2L * v.length));
        continue;
      }
      in.readFloats(v, done, take);
      done += take;
    }
    return v;
  }

  static double[] readBinaryVectorDouble(KaldiInput in) throws IOException {
    if (in.peek() == 'F') {
      float[] f = readBinaryVectorFloat(in);
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      return d;
    }
    in.expectToken("DV");
    int n = readVectorDim(in, 8);
    double[] v = new double[Math.min(n, EAGER_VALUES)];
    int done = 0;
    while (done < n) {
      int take = Math.min(n - done, v.length - done);
      if (take == 0) {
        v = java.util.Arrays.copyOf(v, (int) Math.min(n, 2L * v.length));
        continue;
      }
      in.readDoubles(v, done, take);
      done += take;
    }
    return v;
  }

  /** Reads Kaldi's text vector {@code [ a b c ]}. */
  static double[] readTextVector(KaldiInput in) throws IOException {
    in.skipSpace();
    long start = in.offset();
    String open = in.readWord("'['");
    if (open == null) {
      throw in.error("expected '[' to start a text vector, found end of input");
    }
    if (open.equals("[]")) {
      in.skipNewline();
      return new double[0];
    }
    if (!open.equals("[")) {
      throw in.error(start, "expected '[' to start a text vector, found '" + KaldiInput.abbreviate(open) + "'");
    }
    DoubleList values = new DoubleList();
    while (true) {
      in.skipSpace();
      long at = in.offset();
      String w = in.readWord("vector value");
      if (w == null) {
        throw in.error("end of input inside a text vector (missing ']')");
      }
      if (w.equals("]")) {
        break;
      }
      values.add(in.parseFinite(w, at, "text vector"));
    }
    in.skipNewline();
    return values.toArray();
  }

  /** A growable primitive list. */
  static final class DoubleList {
    private double[] a = new double[64];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
