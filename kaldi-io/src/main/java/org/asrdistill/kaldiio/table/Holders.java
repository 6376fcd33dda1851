package org.asrdistill.kaldiio.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.matrix.CompressedMatrix;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.matrix.Posterior;

/** The holders for Kaldi's common table types. */
public final class Holders {
  private Holders() {
  }

  /** Matrices read as float whatever is stored (FM, DM, CM, CM2, CM3 or text), as Kaldi's BaseFloat. */
  public static final Holder<FloatMatrix> FLOAT_MATRIX = new Holder<>() {
    @Override
    public String typeName() {
      return "float matrix";
    }

    @Override
    public FloatMatrix read(KaldiInput in) throws IOException {
      return read(in, null);
    }

    @Override
    public FloatMatrix read(KaldiInput in, FloatMatrix reuse) throws IOException {
      if (in.readBinaryHeader()) {
        return MatrixCodec.readBinaryFloat(in, reuse);
      }
      return MatrixCodec.readTextDouble(in).toFloat();
    }

    @Override
    public void write(KaldiOutput out, FloatMatrix m, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeToken("FM");
        out.writeInt32Binary(m.rows());
        out.writeInt32Binary(m.cols());
        out.writeFloats(m.data(), 0, m.rows() * m.cols());
      } else {
        MatrixCodec.writeText(out, m.rows(), m.cols(), i -> m.data()[i]);
      }
    }

    @Override
    public FloatMatrix extractRange(FloatMatrix m, Range r) {
      int[] b = r.resolve(m.rows(), m.cols());
      return m.sub(b[0], b[1], b[2], b[3]);
    }
  };

  /** Matrices read as double whatever is stored. */
  public static final Holder<DoubleMatrix> DOUBLE_MATRIX = new Holder<>() {
    @Override
    public String typeName() {
      return "double matrix";
    }

    @Override
    public DoubleMatrix read(KaldiInput in) throws IOException {
      if (in.readBinaryHeader()) {
        return MatrixCodec.readBinaryDouble(in);
      }
      return MatrixCodec.readTextDouble(in);
    }

    @Override
    public void write(KaldiOutput out, DoubleMatrix m, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeToken("DM");
        out.writeInt32Binary(m.rows());
        out.writeInt32Binary(m.cols());
        out.writeDoubles(m.data(), 0, m.rows() * m.cols());
      } else {
        MatrixCodec.writeText(out, m.rows(), m.cols(), i -> m.data()[i]);
      }
    }

    @Override
    public DoubleMatrix extractRange(DoubleMatrix m, Range r) {
      int[] b = r.resolve(m.rows(), m.cols());
      return m.sub(b[0], b[1], b[2], b[3]);
    }
  };

  /**
   * Compressed matrices: reads CM/CM2/CM3 as stored (other matrices are compressed with the automatic
   * method, as Kaldi does); text output is the decompressed matrix.
   */
  public static final Holder<CompressedMatrix> COMPRESSED_MATRIX = new Holder<>() {
    @Override
    public String typeName() {
      return "compressed matrix";
    }

    @Override
    public CompressedMatrix read(KaldiInput in) throws IOException {
      FloatMatrix m;
      long at = in.offset();
      if (in.readBinaryHeader()) {
        if (in.peek() == 'C') {
          String tok = in.readToken("compressed-matrix token");
          return CompressedMatrix.readAfterToken(in, tok);
        }
        m = MatrixCodec.readBinaryFloat(in);
      } else {
        m = MatrixCodec.readTextDouble(in).toFloat();
      }
      // Not compressed on disk: read as a matrix and compress it (Kaldi's behaviour).
      for (float x : m.data()) {
        if (!Float.isFinite(x)) {
          throw in.error(at, "cannot compress a matrix holding NaN or infinity (or a double beyond float range)");
        }
      }
      return CompressedMatrix.compress(m, org.asrdistill.kaldiio.matrix.CompressionMethod.AUTOMATIC);
    }

    @Override
    public void write(KaldiOutput out, CompressedMatrix m, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        m.write(out);
      } else {
        FLOAT_MATRIX.write(out, m.toFloatMatrix(), false);
      }
    }
  };

  /** Float vectors ({@code FV}; {@code DV} is converted). */
  public static final Holder<float[]> FLOAT_VECTOR = new Holder<>() {
    @Override
    public String typeName() {
      return "float vector";
    }

    @Override
    public float[] read(KaldiInput in) throws IOException {
      if (in.readBinaryHeader()) {
        return MatrixCodec.readBinaryVectorFloat(in);
      }
      double[] d = MatrixCodec.readTextVector(in);
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return f;
    }

    @Override
    public void write(KaldiOutput out, float[] v, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeToken("FV");
        out.writeInt32Binary(v.length);
        out.writeFloats(v, 0, v.length);
      } else {
        MatrixCodec.writeTextVector(out, v.length, i -> v[i]);
      }
    }

    @Override
    public float[] extractRange(float[] v, Range r) {
      if (!r.rowsOnly()) {
        throw new IllegalArgumentException("a vector range has one dimension; got: " + r);
      }
      int[] b = r.resolve(v.length, 1);
      return java.util.Arrays.copyOfRange(v, b[0], b[1]);
    }
  };

  /** Double vectors ({@code DV}; {@code FV} is converted). */
  public static final Holder<double[]> DOUBLE_VECTOR = new Holder<>() {
    @Override
    public String typeName() {
      return "double vector";
    }

    @Override
    public double[] read(KaldiInput in) throws IOException {
      if (in.readBinaryHeader()) {
        return MatrixCodec.readBinaryVectorDouble(in);
      }
      return MatrixCodec.readTextVector(in);
    }

    @Override
    public void write(KaldiOutput out, double[] v, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeToken("DV");
        out.writeInt32Binary(v.length);
        out.writeDoubles(v, 0, v.length);
      } else {
        MatrixCodec.writeTextVector(out, v.length, i -> v[i]);
      }
    }

    @Override
    public double[] extractRange(double[] v, Range r) {
      if (!r.rowsOnly()) {
        throw new IllegalArgumentException("a vector range has one dimension; got: " + r);
      }
      int[] b = r.resolve(v.length, 1);
      return java.util.Arrays.copyOfRange(v, b[0], b[1]);
    }
  };

  /** int32 vectors (alignments), Kaldi's {@code BasicVectorHolder<int32>}. */
  public static final Holder<int[]> INT32_VECTOR = new Holder<>() {
    @Override
    public String typeName() {
      return "int32 vector";
    }

    @Override
    public int[] read(KaldiInput in) throws IOException {
      if (in.readBinaryHeader()) {
        long at = in.offset();
        int n = in.readInt32Binary();
        if (n < 0) {
          throw in.error(at, "negative int32-vector size " + n);
        }
        in.checkAvailable(at, 5L * n, "an int32 vector of size " + n);
        int[] v = new int[Math.min(n, 1 << 16)];
        for (int i = 0; i < n; i++) {
          if (i == v.length) {
            v = java.util.Arrays.copyOf(v, (int) Math.min(n, 2L * v.length));
          }
          v[i] = in.readInt32Binary();
        }
        return v;
      }
      long at = in.offset();
      String line = in.readLine();
      if (line == null) {
        throw in.error("unexpected end of input, expected an int32 vector line");
      }
      String t = line.strip();
      if (t.isEmpty()) {
        return new int[0];
      }
      String[] parts = t.split("\\s+");
      int[] v = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          v[i] = Integer.parseInt(parts[i]);
        } catch (NumberFormatException e) {
          throw in.error(at, "expected integers, found '" + KaldiInput.abbreviate(parts[i]) + "'");
        }
      }
      return v;
    }

    @Override
    public void write(KaldiOutput out, int[] v, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeInt32Binary(v.length);
        for (int x : v) {
          out.writeInt32Binary(x);
        }
      } else {
        StringBuilder sb = new StringBuilder(v.length * 4 + 1);
        for (int x : v) {
          sb.append(x).append(' ');
        }
        sb.append('\n');
        out.writeText(sb.toString());
      }
    }
  };

  /** A single int32 (Kaldi's {@code BasicHolder<int32>}), e.g. feat-to-len output. */
  public static final Holder<Integer> INT32 = new Holder<>() {
    @Override
    public String typeName() {
      return "int32";
    }

    @Override
    public Integer read(KaldiInput in) throws IOException {
      if (in.readBinaryHeader()) {
        return in.readInt32Binary();
      }
      int v = in.readInt32Text("int32 value");
      in.skipSpace();
      return v;
    }

    @Override
    public void write(KaldiOutput out, Integer v, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeInt32Binary(v);
      } else {
        out.writeText(v + " \n");
      }
    }
  };

  /** A single float (Kaldi's {@code BasicHolder<BaseFloat>}). */
  public static final Holder<Float> FLOAT = new Holder<>() {
    @Override
    public String typeName() {
      return "float";
    }

    @Override
    public Float read(KaldiInput in) throws IOException {
      if (in.readBinaryHeader()) {
        return (float) in.readRealBinary();
      }
      double v = in.readRealText("float value");
      in.skipNewline();
      return (float) v;
    }

    @Override
    public void write(KaldiOutput out, Float v, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeFloatBinary(v);
      } else {
        out.writeText(TextNumbers.format(v) + " \n");
      }
    }
  };

  /** Posteriors: per frame, (int32 id, float weight) pairs. */
  public static final Holder<Posterior> POSTERIOR = new Holder<>() {
    @Override
    public String typeName() {
      return "posterior";
    }

    @Override
    public Posterior read(KaldiInput in) throws IOException {
      if (in.readBinaryHeader()) {
        long at = in.offset();
        int n = in.readInt32Binary();
        if (n < 0) {
          throw in.error(at, "negative posterior frame count " + n);
        }
        in.checkAvailable(at, 5L * n, "a posterior of " + n + " frames");
        List<int[]> ids = new ArrayList<>(Math.min(n, 1 << 16));
        List<float[]> ws = new ArrayList<>(Math.min(n, 1 << 16));
        for (int t = 0; t < n; t++) {
          long at2 = in.offset();
          int k = in.readInt32Binary();
          if (k < 0) {
            throw in.error(at2, "negative pair count " + k + " at frame " + t);
          }
          in.checkAvailable(at2, 10L * k, k + " posterior pairs");
          if (k > (1 << 20)) {
            throw in.error(at2, "absurd pair count " + k + " at frame " + t);
          }
          int[] id = new int[k];
          float[] w = new float[k];
          for (int j = 0; j < k; j++) {
            id[j] = in.readInt32Binary();
            long at3 = in.offset();
            double x = in.readRealBinary();
            if (!Double.isFinite(x)) {
              throw in.error(at3, "non-finite posterior weight at frame " + t);
            }
            w[j] = (float) x;
          }
          ids.add(id);
          ws.add(w);
        }
        return new Posterior(ids.toArray(new int[0][]), ws.toArray(new float[0][]));
      }
      long at = in.offset();
      String line = in.readLine();
      if (line == null) {
        throw in.error("unexpected end of input, expected a posterior line");
      }
      return parsePosteriorText(in, line, at);
    }

    @Override
    public void write(KaldiOutput out, Posterior p, boolean binary) throws IOException {
      if (binary) {
        out.writeBinaryHeader();
        out.writeInt32Binary(p.numFrames());
        for (int t = 0; t < p.numFrames(); t++) {
          int[] id = p.ids(t);
          float[] w = p.weights(t);
          out.writeInt32Binary(id.length);
          for (int j = 0; j < id.length; j++) {
            out.writeInt32Binary(id[j]);
            out.writeFloatBinary(w[j]);
          }
        }
      } else {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < p.numFrames(); t++) {
          sb.append("[ ");
          int[] id = p.ids(t);
          float[] w = p.weights(t);
          for (int j = 0; j < id.length; j++) {
            sb.append(id[j]).append(' ').append(TextNumbers.format(w[j])).append(' ');
          }
          sb.append("] ");
        }
        sb.append('\n');
        out.writeText(sb.toString());
      }
    }
  };

  private static Posterior parsePosteriorText(KaldiInput in, String line, long at) throws KaldiFormatException {
    String[] tok = line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+");
    List<int[]> ids = new ArrayList<>();
    List<float[]> ws = new ArrayList<>();
    int i = 0;
    while (i < tok.length) {
      if (!tok[i].equals("[")) {
        throw in.error(at, "posterior text: expected '[', found '" + KaldiInput.abbreviate(tok[i]) + "'");
      }
      i++;
      List<Integer> id = new ArrayList<>();
      List<Float> w = new ArrayList<>();
      while (i < tok.length && !tok[i].equals("]")) {
        if (i + 1 >= tok.length) {
          throw in.error(at, "posterior text: unterminated frame " + ids.size());
        }
        try {
          id.add(Integer.parseInt(tok[i]));
        } catch (NumberFormatException e) {
          throw in.error(at, "posterior text: expected an integer id, found '"
              + KaldiInput.abbreviate(tok[i]) + "'");
        }
        w.add((float) in.parseFinite(tok[i + 1], at, "posterior weight"));
        i += 2;
      }
      if (i >= tok.length) {
        throw in.error(at, "posterior text: missing ']' for frame " + ids.size());
      }
      i++;
      int[] a = new int[id.size()];
      float[] b = new float[w.size()];
      for (int j = 0; j < a.length; j++) {
        a[j] = id.get(j);
        b[j] = w.get(j);
      }
      ids.add(a);
      ws.add(b);
    }
    return new Posterior(ids.toArray(new int[0][]), ws.toArray(new float[0][]));
  }

  /**
   * Token vectors (Kaldi's {@code TokenVectorHolder}): a line of whitespace-separated words, as in a data
   * directory's {@code text} file. Text mode only.
   */
  public static final Holder<List<String>> TOKEN_VECTOR = new Holder<>() {
    @Override
    public String typeName() {
      return "token vector";
    }

    @Override
    public List<String> read(KaldiInput in) throws IOException {
      String line = in.readLine();
      if (line == null) {
        return List.of();
      }
      String t = line.strip();
      return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    @Override
    public void write(KaldiOutput out, List<String> v, boolean binary) throws IOException {
      StringBuilder sb = new StringBuilder();
      for (String w : v) {
        if (w.isEmpty() || w.chars().anyMatch(c -> KaldiInput.isSpace(c))) {
          throw new IllegalArgumentException("tokens must be non-empty without whitespace; got: '" + w + "'");
        }
        sb.append(w).append(' ');
      }
      sb.append('\n');
      out.writeText(sb.toString());
    }
  };
}
