package org.asrdistill.kaldiio.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.matrix.CompressedMatrix;
import org.asrdistill.kaldiio.matrix.CompressionMethod;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.matrix.Posterior;

/** Sample tables of every holder type, including empty objects, shared by the round-trip and fuzz tests. */
final class Samples {
  private Samples() {
  }

  /**
   * A holder with sample objects (keys are "k00", "k01", ...) and what an object becomes after being written
   * as text and read back (text numbers have 7 significant digits).
   */
  record Case<T>(String name, Holder<T> holder, List<T> values, UnaryOperator<T> viaText) {
    @Override
    public String toString() {
      return name;
    }

    static String key(int i) {
      return String.format(java.util.Locale.ROOT, "k%02d", i);
    }
  }

  static float textFloat(float v) {
    return (float) Double.parseDouble(TextNumbers.format(v));
  }

  static double textDouble(double v) {
    return Double.parseDouble(TextNumbers.format(v));
  }

  static FloatMatrix randomFloat(Random rnd, int rows, int cols) {
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
    }
    return new FloatMatrix(rows, cols, d);
  }

  static FloatMatrix textMatrix(FloatMatrix m) {
    float[] d = m.data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] = textFloat(d[i]);
    }
    return new FloatMatrix(m.rows(), m.cols(), d);
  }

  static List<Case<?>> all() {
    Random rnd = new Random(7);
    List<Case<?>> cases = new ArrayList<>();
    FloatMatrix extremes = new FloatMatrix(2, 4, new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE,
        -0f, 1e-30f, 123456.789f, -1f, 0.1f});
    cases.add(new Case<>("float matrix", Holders.FLOAT_MATRIX,
        List.of(randomFloat(rnd, 3, 4), new FloatMatrix(0, 0), randomFloat(rnd, 1, 1), extremes,
            randomFloat(rnd, 17, 3)), Samples::textMatrix));
    cases.add(new Case<>("double matrix", Holders.DOUBLE_MATRIX,
        List.of(randomFloat(rnd, 4, 3).toDouble(), new DoubleMatrix(0, 0),
            new DoubleMatrix(1, 3, new double[] {Math.PI, -1e300, Double.MIN_VALUE})),
        m -> {
          double[] d = m.data().clone();
          for (int i = 0; i < d.length; i++) {
            d[i] = textDouble(d[i]);
          }
          return new DoubleMatrix(m.rows(), m.cols(), d);
        }));
    List<CompressedMatrix> cms = new ArrayList<>();
    for (CompressionMethod method : CompressionMethod.values()) {
      cms.add(CompressedMatrix.compress(randomFloat(rnd, 12, 5), method));
      cms.add(CompressedMatrix.compress(randomFloat(rnd, 3, 4), method));
    }
    cms.add(CompressedMatrix.compress(new FloatMatrix(0, 0), CompressionMethod.AUTOMATIC));
    // Text holds the decompressed values; reading text compresses again with the automatic method.
    cases.add(new Case<>("compressed matrix", Holders.COMPRESSED_MATRIX, cms,
        c -> CompressedMatrix.compress(textMatrix(c.toFloatMatrix()), CompressionMethod.AUTOMATIC)));
    cases.add(new Case<>("float vector", Holders.FLOAT_VECTOR,
        List.of(new float[] {1.5f, -2.25e-7f, 3.4e38f}, new float[0], randomFloat(rnd, 1, 40).data()),
        v -> {
          float[] o = v.clone();
          for (int i = 0; i < o.length; i++) {
            o[i] = textFloat(o[i]);
          }
          return o;
        }));
    cases.add(new Case<>("double vector", Holders.DOUBLE_VECTOR,
        List.of(new double[] {Math.E, -1e-300, 12345678.9}, new double[0]),
        v -> {
          double[] o = v.clone();
          for (int i = 0; i < o.length; i++) {
            o[i] = textDouble(o[i]);
          }
          return o;
        }));
    cases.add(new Case<>("int32 vector", Holders.INT32_VECTOR,
        List.of(new int[] {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, 0}, new int[0], new int[] {42}),
        UnaryOperator.identity()));
    cases.add(new Case<>("int32", Holders.INT32, List.of(0, -7, Integer.MAX_VALUE, Integer.MIN_VALUE),
        UnaryOperator.identity()));
    cases.add(new Case<>("float", Holders.FLOAT, List.of(1.5f, -0f, 3.4e38f, 1.2345678e-20f, (float) Math.PI),
        Samples::textFloat));
    cases.add(new Case<>("posterior", Holders.POSTERIOR,
        List.of(new Posterior(new int[][] {{1, 5}, {}, {7}}, new float[][] {{0.25f, 0.75f}, {}, {1f}}),
            new Posterior(new int[0][], new float[0][]), Posterior.fromAlignment(new int[] {3, 3, 9})),
        p -> {
          int n = p.numFrames();
          int[][] ids = new int[n][];
          float[][] w = new float[n][];
          for (int t = 0; t < n; t++) {
            ids[t] = p.ids(t).clone();
            w[t] = p.weights(t).clone();
            for (int j = 0; j < w[t].length; j++) {
              w[t][j] = textFloat(w[t][j]);
            }
          }
          return new Posterior(ids, w);
        }));
    cases.add(new Case<>("token vector", Holders.TOKEN_VECTOR,
        List.of(List.of("HELLO", "wörld", "<unk>"), List.of(), List.of("a")), UnaryOperator.identity()));
    return cases;
  }
}
