package org.asrdistill.distill.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class DistillationLossTest {
  /** Random logits and a random sparse teacher over {@code k} of {@code classes}. */
  private static final class Case implements SoftTargets {
    final int rows;
    final int classes;
    final double[][] z;
    final int[][] ids;
    final float[][] scores;
    final int[] labels;
    final double[] tailMean; // NaN: no tail
    final double[] tailLme;

    Case(Random r, int rows, int classes, int k) {
      this(r, rows, classes, k, false);
    }

    Case(Random r, int rows, int classes, int k, boolean tail) {
      this.rows = rows;
      this.classes = classes;
      z = new double[rows][classes];
      ids = new int[rows][k];
      scores = new float[rows][k];
      labels = new int[rows];
      tailMean = new double[rows];
      tailLme = new double[rows];
      for (int i = 0; i < rows; i++) {
        tailMean[i] = tail ? -12 - 3 * r.nextDouble() : Double.NaN;
        tailLme[i] = tail ? tailMean[i] + 4 * r.nextDouble() : Double.NaN;
        for (int c = 0; c < classes; c++) {
          z[i][c] = r.nextGaussian() * 4;
        }
        int[] perm = r.ints(0, classes).distinct().limit(k).toArray();
        for (int j = 0; j < k; j++) {
          ids[i][j] = perm[j];
          scores[i][j] = (float) (-Math.abs(r.nextGaussian()) * 6);
        }
        labels[i] = r.nextInt(classes);
      }
    }

    /** The teacher's scores over all classes at temperature t: the set's, the tail's or NaN. */
    double[] teacher(int row, double t0) {
      double[] t = new double[classes];
      java.util.Arrays.fill(t, tailScore(row, t0));
      for (int j = 0; j < ids[row].length; j++) {
        t[ids[row][j]] = scores[row][j];
      }
      return t;
    }

    @Override
    public int size(int row) {
      return ids[row].length;
    }

    @Override
    public int classId(int row, int i) {
      return ids[row][i];
    }

    @Override
    public float score(int row, int i) {
      return scores[row][i];
    }

    @Override
    public double tailScore(int row, double t) {
      return tailMean[row] + (tailLme[row] - tailMean[row]) / t;
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 0.5, false", "2, 0.5, false", "5, 0.5, false", "10, 0.5, false", "2, 0, false", "10, 1, false",
      "1, 0.5, true", "2, 0.5, true", "5, 0.5, true", "10, 0.5, true", "10, 0, true"})
  void engineFormMatchesTheDoubleFormula(double t, double w, boolean tail) {
    Case c = new Case(new Random(11), 16, 300, 40, tail);
    DistillationLoss.Options o = new DistillationLoss.Options(t, w);
    INDArray logits = Nd4j.create(DataType.FLOAT, c.rows, c.classes);
    for (int i = 0; i < c.rows; i++) {
      for (int k = 0; k < c.classes; k++) {
        logits.putScalar(i, k, c.z[i][k]);
      }
    }
    double got = DistillationLoss.apply(logits, c.rows, c, c.labels, o);
    double want = 0;
    for (int i = 0; i < c.rows; i++) {
      double[] g = new double[c.classes];
      want += DistillationLoss.reference(c.z[i], c.teacher(i, t), c.labels[i], o, g);
      for (int k = 0; k < c.classes; k++) {
        assertEquals(g[k], logits.getDouble(i, k), 2e-5 * Math.max(1, t), "gradient row " + i + " class " + k);
      }
    }
    assertEquals(want / c.rows, got, 1e-4 * Math.abs(want / c.rows));
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "10"})
  void gradientLimitScalesTheBatchDownToItAndLeavesTheLossAlone(double t) {
    Case c = new Case(new Random(23), 32, 200, 30);
    // a confident student and a confident teacher that disagree: the soft gradient approaches T sqrt 2 per frame
    for (int i = 0; i < c.rows; i++) {
      for (int k = 0; k < c.classes; k++) {
        c.z[i][k] *= 25;
      }
      for (int j = 0; j < c.scores[i].length; j++) {
        c.scores[i][j] *= 100;
      }
    }
    double limit = DistillationLoss.Options.defaultMaxGradNorm(0.5);
    INDArray free = Nd4j.create(DataType.FLOAT, c.rows, c.classes);
    for (int i = 0; i < c.rows; i++) {
      for (int k = 0; k < c.classes; k++) {
        free.putScalar(i, k, c.z[i][k]);
      }
    }
    INDArray limited = free.dup();
    double l0 = DistillationLoss.apply(free, c.rows, c, c.labels, new DistillationLoss.Options(t, 0.5));
    double l1 = DistillationLoss.apply(limited, c.rows, c, c.labels, new DistillationLoss.Options(t, 0.5, limit));
    assertEquals(l0, l1, 0.0);
    double rmsFree = Math.sqrt(free.mul(free).sumNumber().doubleValue() / c.rows);
    double rmsLimited = Math.sqrt(limited.mul(limited).sumNumber().doubleValue() / c.rows);
    // at T = 1 no frame can exceed the limit; above it the batch is scaled to exactly the limit, same direction
    if (t == 1) {
      assertTrue(rmsFree <= limit + 1e-5, "T=1 rms " + rmsFree);
      assertEquals(0.0, free.sub(limited).amaxNumber().doubleValue(), 0.0);
    } else {
      assertTrue(rmsFree > limit, "this case should need the limit at T=" + t + ": rms " + rmsFree);
      assertEquals(limit, rmsLimited, 1e-4 * limit);
      assertEquals(0.0, free.mul(limit / rmsFree).sub(limited).amaxNumber().doubleValue(), 1e-5);
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 0.5", "2, 0.5", "5, 0.5", "10, 0.5"})
  void dl4jLossMatchesTheFormulaAndPassesGradientCheck(double t, double w) {
    Random r = new Random(5);
    int n = 6;
    int classes = 7;
    Case c = new Case(r, n, classes, classes);
    DistillationLoss.Options o = new DistillationLoss.Options(t, w);
    INDArray labels = Nd4j.create(DataType.DOUBLE, n, 2 * classes);
    INDArray pre = Nd4j.create(DataType.DOUBLE, n, classes);
    double want = 0;
    for (int i = 0; i < n; i++) {
      double[] tch = c.teacher(i, t);
      double m = Double.NEGATIVE_INFINITY;
      for (double v : tch) {
        m = Math.max(m, v / t);
      }
      double s = 0;
      for (double v : tch) {
        s += Math.exp(v / t - m);
      }
      for (int k = 0; k < classes; k++) {
        labels.putScalar(i, k, Math.exp(tch[k] / t - m) / s);
        pre.putScalar(i, k, c.z[i][k]);
      }
      labels.putScalar(i, classes + c.labels[i], 1.0);
      want += DistillationLoss.reference(c.z[i], tch, c.labels[i], o, null);
    }
    LossDistillation loss = new LossDistillation(t, w);
    assertEquals(want / n, loss.computeScore(labels, pre, Activation.IDENTITY.getActivationFunction(), null, true),
        1e-9 * Math.abs(want));

    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
        .updater(new NoOp()).weightInit(WeightInit.XAVIER).list()
        .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build())
        .layer(new OutputLayer.Builder(loss).nIn(5).nOut(classes).activation(Activation.IDENTITY).build())
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    INDArray in = Nd4j.rand(DataType.DOUBLE, n, 4);
    boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(in).labels(labels)
        .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    assertTrue(ok, "gradient check at T=" + t + ", w=" + w);
  }
}
