package org.asrdistill.hmm.io;

import java.io.IOException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Kaldi's basic-type encoding for values embedded inside larger objects (no binary header): the
 * {@code ReadBasicType}/{@code WriteBasicType}, {@code ReadIntegerVector}, {@code Vector::Read} and
 * {@code Matrix::Read} conventions, in binary and text mode. Text numbers use Kaldi's precision 7.
 */
public final class KaldiObjects {
  private KaldiObjects() {
  }

  /** Something with Kaldi's {@code Write(os, binary)} form. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(KaldiOutput out, T value, boolean binary) throws IOException;
  }

  /** Something with Kaldi's {@code Read(is, binary)} form. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(KaldiInput in, boolean binary) throws IOException;
  }

  /** Reads one object from an rxfilename as Kaldi's {@code ReadKaldiObject} (binary header detected). */
  public static <T> T readFile(String rxfilename, Reader<T> reader) throws IOException {
    try (KaldiInput in = Xfilenames.openInput(rxfilename)) {
      boolean binary = in.readBinaryHeader();
      return reader.read(in, binary);
    }
  }

  /** Writes one object to a wxfilename as Kaldi's {@code WriteKaldiObject}; the file appears only when complete. */
  public static <T> void writeFile(String wxfilename, T value, boolean binary, Writer<T> writer)
      throws IOException {
    try (KaldiOutput out = Xfilenames.openOutput(wxfilename)) {
      if (binary) {
        out.writeBinaryHeader();
      }
      writer.write(out, value, binary);
      out.commit();
    }
  }

  public static int readInt(KaldiInput in, boolean binary, String what) throws IOException {
    return binary ? in.readInt32Binary() : in.readInt32Text(what);
  }

  public static void writeInt(KaldiOutput out, boolean binary, int v) throws IOException {
    if (binary) {
      out.writeInt32Binary(v);
    } else {
      out.writeText(Integer.toString(v));
      out.writeByte(' ');
    }
  }

  /** Reads Kaldi's {@code uint32} basic type (binary size byte -4). */
  public static int readUint32(KaldiInput in, boolean binary, String what) throws IOException {
    long at = in.offset();
    if (!binary) {
      int v = in.readInt32Text(what);
      if (v < 0) {
        throw in.error(at, "expected an unsigned " + what + ", found " + v);
      }
      return v;
    }
    int size = in.read();
    if (size != 0xFC) {
      throw in.error(at, "expected uint32 " + what + " (size byte -4), found size byte " + (byte) size);
    }
    int v = in.readRawInt32();
    if (v < 0) {
      throw in.error(at, what + " " + Integer.toUnsignedString(v) + " is too large");
    }
    return v;
  }

  public static void writeUint32(KaldiOutput out, boolean binary, int v) throws IOException {
    if (binary) {
      out.writeByte(0xFC);
      out.writeRawInt32(v);
    } else {
      writeInt(out, false, v);
    }
  }

  public static float readFloat(KaldiInput in, boolean binary, String what) throws IOException {
    if (binary) {
      return (float) in.readRealBinary();
    }
    long at = in.offset();
    String w = in.readWord(what);
    if (w == null) {
      throw in.error("unexpected end of input, expected " + what);
    }
    return parseFloat(in, w, at, what);
  }

  private static float parseFloat(KaldiInput in, String w, long at, String what) throws IOException {
    try {
      double d = TextNumbers.parseDouble(w);
      return Double.isFinite(d) ? Float.parseFloat(w) : (float) d;
    } catch (NumberFormatException e) {
      throw in.error(at, "expected a number for " + what + ", found '" + KaldiInput.abbreviate(w) + "'");
    }
  }

  public static void writeFloat(KaldiOutput out, boolean binary, float v) throws IOException {
    if (binary) {
      out.writeFloatBinary(v);
    } else {
      out.writeText(TextNumbers.format(v));
      out.writeByte(' ');
    }
  }

  /** Kaldi's {@code Peek}: the next character, skipping whitespace first in text mode; -1 at the end. */
  public static int peek(KaldiInput in, boolean binary) throws IOException {
    return binary ? in.peek() : in.skipSpace();
  }

  /** Reads a token (skipping leading whitespace) and consumes one following space. */
  public static String readToken(KaldiInput in) throws IOException {
    return in.readToken("token");
  }

  /** Kaldi's {@code ReadIntegerVector<int32>}. */
  public static int[] readIntVector(KaldiInput in, boolean binary, String what) throws IOException {
    long at = in.offset();
    if (binary) {
      int size = in.read();
      if (size != 4) {
        throw in.error(at, "expected an int32 vector " + what + " (size byte 4), found " + (byte) size);
      }
      int n = in.readRawInt32();
      if (n < 0 || n > 1 << 28) {
        throw in.error(at, "bad length " + n + " of int32 vector " + what);
      }
      int[] v = new int[n];
      for (int i = 0; i < n; i++) {
        v[i] = in.readRawInt32();
      }
      return v;
    }
    if (in.skipSpace() != '[') {
      throw in.error("expected '[' to start int32 vector " + what);
    }
    in.read();
    IntList list = new IntList();
    while (true) {
      int c = in.skipSpace();
      if (c < 0) {
        throw in.error("end of input inside int32 vector " + what + " (missing ']')");
      }
      if (c == ']') {
        in.read();
        return list.toArray();
      }
      list.add(readTextIntChars(in, what));
    }
  }

  /** Reads an optionally signed decimal integer character by character (so {@code 3]} reads 3). */
  private static int readTextIntChars(KaldiInput in, String what) throws IOException {
    long at = in.offset();
    StringBuilder sb = new StringBuilder();
    int c = in.peek();
    if (c == '-' || c == '+') {
      sb.append((char) in.read());
    }
    while ((c = in.peek()) >= '0' && c <= '9' && sb.length() < 12) {
      sb.append((char) in.read());
    }
    try {
      return Integer.parseInt(sb.toString());
    } catch (NumberFormatException e) {
      throw in.error(at, "expected an integer in " + what + ", found '"
          + KaldiInput.abbreviate(sb.toString() + (c >= 0 ? String.valueOf((char) c) : "")) + "'");
    }
  }

  /** Kaldi's {@code WriteIntegerVector<int32>}. */
  public static void writeIntVector(KaldiOutput out, boolean binary, int[] v) throws IOException {
    if (binary) {
      out.writeByte(4);
      out.writeRawInt32(v.length);
      for (int x : v) {
        out.writeRawInt32(x);
      }
      return;
    }
    StringBuilder sb = new StringBuilder("[ ");
    for (int x : v) {
      sb.append(x).append(' ');
    }
    out.writeText(sb.append("]\n").toString());
  }

  /** Kaldi's {@code Vector<float>::Read} (accepts {@code DV} in binary). */
  public static float[] readFloatVector(KaldiInput in, boolean binary, String what) throws IOException {
    long at = in.offset();
    if (binary) {
      String t = in.readToken(what);
      if (!t.equals("FV") && !t.equals("DV")) {
        throw in.error(at, "expected FV or DV for " + what + ", found '" + KaldiInput.abbreviate(t) + "'");
      }
      long dimAt = in.offset();
      int n = in.readInt32Binary();
      if (n < 0 || n > 1 << 28) {
        throw in.error(dimAt, "bad dimension " + n + " of " + what);
      }
      float[] v = new float[n];
      if (t.equals("FV")) {
        in.readFloats(v, 0, n);
      } else {
        double[] d = new double[n];
        in.readDoubles(d, 0, n);
        for (int i = 0; i < n; i++) {
          v[i] = (float) d[i];
        }
      }
      return v;
    }
    String open = in.readWord(what);
    if ("[]".equals(open)) {
      return new float[0];
    }
    if (!"[".equals(open)) {
      throw in.error(at, "expected '[' to start " + what + ", found "
          + (open == null ? "end of input" : "'" + KaldiInput.abbreviate(open) + "'"));
    }
    FloatList list = new FloatList();
    while (true) {
      long wat = in.offset();
      String w = in.readWord(what);
      if (w == null) {
        throw in.error("end of input inside " + what + " (missing ']')");
      }
      if (w.equals("]")) {
        return list.toArray();
      }
      list.add(parseFloat(in, w, wat, what));
    }
  }

  /** Kaldi's {@code Vector<float>::Write}. */
  public static void writeFloatVector(KaldiOutput out, boolean binary, float[] v) throws IOException {
    if (binary) {
      out.writeToken("FV");
      out.writeInt32Binary(v.length);
      out.writeFloats(v, 0, v.length);
      return;
    }
    StringBuilder sb = new StringBuilder(" [ ");
    for (float x : v) {
      sb.append(TextNumbers.format(x)).append(' ');
    }
    out.writeText(sb.append("]\n").toString());
  }

  /** Kaldi's {@code Matrix<float>::Read} (accepts {@code DM} in binary); text rows end at newlines. */
  public static FloatMatrix readFloatMatrix(KaldiInput in, boolean binary, String what) throws IOException {
    long at = in.offset();
    if (binary) {
      String t = in.readToken(what);
      if (!t.equals("FM") && !t.equals("DM")) {
        throw in.error(at, "expected FM or DM for " + what + ", found '" + KaldiInput.abbreviate(t) + "'");
      }
      long dimAt = in.offset();
      int rows = in.readInt32Binary();
      int cols = in.readInt32Binary();
      if (rows < 0 || cols < 0 || (long) rows * cols > 1 << 28) {
        throw in.error(dimAt, "bad dimensions " + rows + " x " + cols + " of " + what);
      }
      float[] data = new float[rows * cols];
      if (t.equals("FM")) {
        in.readFloats(data, 0, data.length);
      } else {
        double[] d = new double[data.length];
        in.readDoubles(d, 0, d.length);
        for (int i = 0; i < d.length; i++) {
          data[i] = (float) d[i];
        }
      }
      return new FloatMatrix(rows, cols, data);
    }
    if (in.skipSpace() != '[') {
      throw in.error("expected '[' to start " + what);
    }
    in.read();
    FloatList values = new FloatList();
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
          values.add(parseFloat(in, w.toString(), in.offset() - w.length(), what));
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
    return rows == 0 ? new FloatMatrix(0, 0) : new FloatMatrix(rows, cols, values.toArray());
  }

  /** Kaldi's {@code Matrix<float>::Write}. */
  public static void writeFloatMatrix(KaldiOutput out, boolean binary, FloatMatrix m) throws IOException {
    if (binary) {
      out.writeToken("FM");
      out.writeInt32Binary(m.rows());
      out.writeInt32Binary(m.cols());
      out.writeFloats(m.data(), 0, m.rows() * m.cols());
      return;
    }
    if (m.cols() == 0) {
      out.writeText(" [ ]\n");
      return;
    }
    StringBuilder sb = new StringBuilder(" [");
    float[] d = m.data();
    for (int r = 0; r < m.rows(); r++) {
      sb.append("\n  ");
      for (int c = 0; c < m.cols(); c++) {
        sb.append(TextNumbers.format(d[r * m.cols() + c])).append(' ');
      }
    }
    out.writeText(sb.append("]\n").toString());
  }

  private static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }

  private static final class FloatList {
    private float[] a = new float[16];
    private int n;

    void add(float v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
