package org.asrdistill.acoustic.io;

import java.io.IOException;
import java.util.Arrays;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;

/**
 * Kaldi's {@code Vector<double>}/{@code Matrix<double>} ({@code DV}/{@code DM}, accepting {@code FV}/{@code
 * FM} on reading as Kaldi does), {@code double}, {@code bool} and {@code uint16} basic types, embedded in
 * larger objects (no binary header). Text numbers use Kaldi's precision 7.
 */
public final class KaldiDoubles {
  private KaldiDoubles() {
  }

  public static double readDouble(KaldiInput in, boolean binary, String what) throws IOException {
    return binary ? in.readRealBinary() : in.readRealText(what);
  }

  public static void writeDouble(KaldiOutput out, boolean binary, double v) throws IOException {
    if (binary) {
      out.writeDoubleBinary(v);
    } else {
      out.writeText(TextNumbers.format(v));
      out.writeByte(' ');
    }
  }

  /** Kaldi's {@code ReadBasicType<bool>}: one character T or F. */
  public static boolean readBool(KaldiInput in, boolean binary, String what) throws IOException {
    int c = binary ? in.peek() : in.skipSpace();
    long at = in.offset();
    if (c != 'T' && c != 'F') {
      throw in.error(at, "expected T or F for " + what + ", found "
          + (c < 0 ? "end of input" : "'" + (char) c + "'"));
    }
    in.read();
    return c == 'T';
  }

  public static void writeBool(KaldiOutput out, boolean binary, boolean v) throws IOException {
    out.writeByte(v ? 'T' : 'F');
    if (!binary) {
      out.writeByte(' ');
    }
  }

  /** Kaldi's {@code ReadBasicType<uint16>} (binary size byte -2). */
  public static int readUint16(KaldiInput in, boolean binary, String what) throws IOException {
    long at = in.offset();
    if (!binary) {
      int v = in.readInt32Text(what);
      if (v < 0 || v > 0xffff) {
        throw in.error(at, what + " " + v + " is out of the uint16 range");
      }
      return v;
    }
    int size = in.read();
    if (size != 0xFE) {
      throw in.error(at, "expected uint16 " + what + " (size byte -2), found size byte " + (byte) size);
    }
    return in.readRawUint16();
  }

  public static void writeUint16(KaldiOutput out, boolean binary, int v) throws IOException {
    if (binary) {
      out.writeByte(0xFE);
      out.writeRawUint16(v);
    } else {
      out.writeText(Integer.toString(v));
      out.writeByte(' ');
    }
  }

  /** Kaldi's {@code Vector<double>::Read}. */
  public static double[] readVector(KaldiInput in, boolean binary, String what) throws IOException {
    long at = in.offset();
    if (binary) {
      String t = in.readToken(what);
      if (!t.equals("DV") && !t.equals("FV")) {
        throw in.error(at, "expected DV or FV for " + what + ", found '" + KaldiInput.abbreviate(t) + "'");
      }
      long dimAt = in.offset();
      int n = in.readInt32Binary();
      if (n < 0 || n > 1 << 28) {
        throw in.error(dimAt, "bad dimension " + n + " of " + what);
      }
      return readRaw(in, t.charAt(0) == 'D', n);
    }
    String open = in.readWord(what);
    if ("[]".equals(open)) {
      return new double[0];
    }
    if (!"[".equals(open)) {
      throw in.error(at, "expected '[' to start " + what + ", found "
          + (open == null ? "end of input" : "'" + KaldiInput.abbreviate(open) + "'"));
    }
    double[] v = new double[16];
    int n = 0;
    while (true) {
      long wat = in.offset();
      String w = in.readWord(what);
      if (w == null) {
        throw in.error("end of input inside " + what + " (missing ']')");
      }
      if (w.equals("]")) {
        return Arrays.copyOf(v, n);
      }
      if (n == v.length) {
        v = Arrays.copyOf(v, 2 * n);
      }
      v[n++] = in.parseFinite(w, wat, what);
    }
  }

  private static double[] readRaw(KaldiInput in, boolean isDouble, int n) throws IOException {
    double[] v = new double[n];
    if (isDouble) {
      in.readDoubles(v, 0, n);
    } else {
      float[] f = new float[n];
      in.readFloats(f, 0, n);
      for (int i = 0; i < n; i++) {
        v[i] = f[i];
      }
    }
    return v;
  }

  /** Kaldi's {@code Vector<double>::Write}. */
  public static void writeVector(KaldiOutput out, boolean binary, double[] v) throws IOException {
    if (binary) {
      out.writeToken("DV");
      out.writeInt32Binary(v.length);
      out.writeDoubles(v, 0, v.length);
      return;
    }
    StringBuilder sb = new StringBuilder(" [ ");
    for (double x : v) {
      sb.append(TextNumbers.format(x)).append(' ');
    }
    out.writeText(sb.append("]\n").toString());
  }

  /** Kaldi's {@code Matrix<double>::Read}; text rows end at newlines. */
  public static DoubleMatrix readMatrix(KaldiInput in, boolean binary, String what) throws IOException {
    long at = in.offset();
    if (binary) {
      String t = in.readToken(what);
      if (!t.equals("DM") && !t.equals("FM")) {
        throw in.error(at, "expected DM or FM for " + what + ", found '" + KaldiInput.abbreviate(t) + "'");
      }
      long dimAt = in.offset();
      int rows = in.readInt32Binary();
      int cols = in.readInt32Binary();
      if (rows < 0 || cols < 0 || (long) rows * cols > 1 << 28) {
        throw in.error(dimAt, "bad dimensions " + rows + " x " + cols + " of " + what);
      }
      return new DoubleMatrix(rows, cols, readRaw(in, t.charAt(0) == 'D', rows * cols));
    }
    if (in.skipSpace() != '[') {
      throw in.error("expected '[' to start " + what);
    }
    in.read();
    double[] values = new double[16];
    int n = 0;
    int rows = 0;
    int cols = -1;
    int inRow = 0;
    StringBuilder w = new StringBuilder();
    while (true) {
      int c = in.peek();
      if (c < 0) {
        throw in.error("end of input inside " + what + " (missing ']')");
      }
      if (KaldiInput.isSpace(c) || c == ']') {
        if (w.length() > 0) {
          if (n == values.length) {
            values = Arrays.copyOf(values, 2 * n);
          }
          values[n++] = in.parseFinite(w.toString(), in.offset() - w.length(), what);
          w.setLength(0);
          inRow++;
        }
        if ((c == '\n' || c == ']') && inRow > 0) {
          if (cols >= 0 && inRow != cols) {
            throw in.error("row " + rows + " of " + what + " has " + inRow + " values, expected " + cols);
          }
          cols = inRow;
          rows++;
          inRow = 0;
        }
        in.read();
        if (c == ']') {
          break;
        }
      } else {
        w.append((char) in.read());
      }
    }
    return rows == 0 ? new DoubleMatrix(0, 0) : new DoubleMatrix(rows, cols, Arrays.copyOf(values, n));
  }

  /** Kaldi's {@code Matrix<double>::Write}. */
  public static void writeMatrix(KaldiOutput out, boolean binary, DoubleMatrix m) throws IOException {
    if (binary) {
      out.writeToken("DM");
      out.writeInt32Binary(m.rows());
      out.writeInt32Binary(m.cols());
      out.writeDoubles(m.data(), 0, m.rows() * m.cols());
      return;
    }
    if (m.cols() == 0) {
      out.writeText(" [ ]\n");
      return;
    }
    StringBuilder sb = new StringBuilder(" [");
    double[] d = m.data();
    for (int r = 0; r < m.rows(); r++) {
      sb.append("\n  ");
      for (int c = 0; c < m.cols(); c++) {
        sb.append(TextNumbers.format(d[r * m.cols() + c])).append(' ');
      }
    }
    out.writeText(sb.append("]\n").toString());
  }
}
