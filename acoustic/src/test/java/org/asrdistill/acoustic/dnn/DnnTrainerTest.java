package org.asrdistill.acoustic.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The engine against DL4J's MultiLayerNetwork and finite differences, on tiny networks in double precision. */
class DnnTrainerTest {
  private static final DnnTopology TINY = new DnnTopology(7, 2, 5, 4);
  private static final int N = 6;

  private static TrainerOptions tinyOptions(TrainerOptions.Updater u) {
    return TrainerOptions.defaults().withUpdater(u).withMaxBatch(8).withDoublePrecision(true).withSeed(3);
  }

  private static INDArray features(int n, int dim, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * dim];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    return Nd4j.create(v, new long[] {n, dim}, 'c');
  }

  private static final int[] LABELS = {0, 3, 1, 1, 2, 3};

  private static INDArray oneHot(int[] labels, int numPdfs) {
    INDArray y = Nd4j.zeros(DataType.DOUBLE, labels.length, numPdfs);
    for (int i = 0; i < labels.length; i++) {
      y.putScalar(i, labels[i], 1.0);
    }
    return y;
  }

  private static void assertParamsEqual(MultiLayerNetwork net, DnnTrainer engine, double tol) {
    for (int l = 0; l < engine.topology().numLayers(); l++) {
      INDArray wRef = net.getLayer(l).getParam("W").transpose();
      INDArray bRef = net.getLayer(l).getParam("b");
      assertEquals(0.0, wRef.sub(engine.weights(l)).amaxNumber().doubleValue(), tol, "W of layer " + l);
      assertEquals(0.0, bRef.sub(engine.bias(l)).amaxNumber().doubleValue(), tol, "b of layer " + l);
    }
  }

  @Test
  void forwardMatchesMultiLayerNetwork() {
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.SGD));
    MultiLayerNetwork net = MultiLayerNetworks.toNetwork(engine, new Sgd(0.1));
    INDArray x = features(N, 7, 1);
    INDArray ref = Transforms.log(net.output(x), true);
    INDArray ours = engine.forward(x);
    assertEquals(0.0, ref.sub(ours).amaxNumber().doubleValue(), 1e-12);
  }

  @Test
  void referenceNetworkPassesDl4jGradientCheck() {
    // the DL4J network the engine is compared with has correct gradients itself
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.SGD));
    MultiLayerNetwork net = MultiLayerNetworks.toNetwork(engine, new NoOp());
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradientCheckUtil insists
    try {
      assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
          .input(features(N, 7, 2)).labels(oneHot(LABELS, 4)).epsilon(1e-6).maxRelError(1e-5)
          .minAbsoluteError(1e-9)));
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  @Test
  void sgdStepMatchesMultiLayerNetwork() {
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.SGD));
    MultiLayerNetwork net = MultiLayerNetworks.toNetwork(engine, new Sgd(0.1));
    for (int step = 0; step < 3; step++) {
      INDArray x = features(N, 7, 10 + step);
      net.setInput(x);
      net.setLabels(oneHot(LABELS, 4));
      net.computeGradientAndScore();
      double refLoss = net.score();
      net.fit(x, oneHot(LABELS, 4));
      double loss = engine.trainBatch(x, LABELS, 0.1);
      assertEquals(refLoss, loss, 1e-12, "loss at step " + step);
      assertParamsEqual(net, engine, 1e-12);
    }
  }

  @Test
  void adamStepsMatchMultiLayerNetwork() {
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.ADAM));
    MultiLayerNetwork net = MultiLayerNetworks.toNetwork(engine, new Adam(0.01, 0.9, 0.999, 1e-8));
    for (int step = 0; step < 3; step++) {
      INDArray x = features(N, 7, 20 + step);
      net.fit(x, oneHot(LABELS, 4));
      engine.trainBatch(x, LABELS, 0.01);
      assertParamsEqual(net, engine, 1e-10);
    }
  }

  @Test
  void momentumFollowsItsDefinitionOnDl4jGradients() {
    double lr = 0.05;
    double mu = 0.9;
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.MOMENTUM).withMomentum(mu));
    MultiLayerNetwork net = MultiLayerNetworks.toNetwork(engine, new Sgd(0.0));
    INDArray velocity = Nd4j.zeros(DataType.DOUBLE, net.params().shape());
    for (int step = 0; step < 3; step++) {
      INDArray x = features(N, 7, 30 + step);
      net.setInput(x);
      net.setLabels(oneHot(LABELS, 4));
      net.computeGradientAndScore();
      // DL4J's gradient here is summed over the minibatch (its updater divides by the batch size)
      INDArray g = net.gradient().gradient().div(N);
      velocity.muli(mu).addi(g); // v = mu v + g; w -= lr v
      net.setParams(net.params().sub(velocity.mul(lr)));
      engine.trainBatch(x, LABELS, lr);
      assertParamsEqual(net, engine, 1e-12);
    }
  }

  @Test
  void sgdUpdateIsMinusLearningRateTimesFiniteDifferenceGradient() {
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.SGD));
    INDArray x = features(N, 7, 40);
    double lr = 1e-3;
    Random pick = new Random(5);
    for (int l = 0; l < TINY.numLayers(); l++) {
      INDArray wl = engine.weights(l);
      for (int k = 0; k < 3; k++) {
        int r = pick.nextInt((int) wl.rows());
        int c = pick.nextInt((int) wl.columns());
        double numeric = numericGradient(engine, x, wl, r, c);
        double before = wl.getDouble(r, c);
        INDArray[] saved = snapshot(engine);
        engine.trainBatch(x, LABELS, lr);
        double analytic = (before - wl.getDouble(r, c)) / lr;
        restore(engine, saved);
        assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric), "dL/dW[" + l + "](" + r + "," + c + ")");
      }
      INDArray bl = engine.bias(l);
      int c = pick.nextInt((int) bl.columns());
      double numeric = numericGradient(engine, x, bl, 0, c);
      double before = bl.getDouble(0, c);
      INDArray[] saved = snapshot(engine);
      engine.trainBatch(x, LABELS, lr);
      double analytic = (before - bl.getDouble(0, c)) / lr;
      restore(engine, saved);
      assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric), "dL/db[" + l + "](" + c + ")");
    }
  }

  private static double meanLoss(DnnTrainer engine, INDArray x) {
    INDArray logp = engine.forward(x);
    double s = 0;
    for (int i = 0; i < LABELS.length; i++) {
      s -= logp.getDouble(i, LABELS[i]);
    }
    return s / LABELS.length;
  }

  private static double numericGradient(DnnTrainer engine, INDArray x, INDArray p, int r, int c) {
    double eps = 1e-6;
    double v = p.getDouble(r, c);
    p.putScalar(r, c, v + eps);
    double up = meanLoss(engine, x);
    p.putScalar(r, c, v - eps);
    double down = meanLoss(engine, x);
    p.putScalar(r, c, v);
    return (up - down) / (2 * eps);
  }

  private static INDArray[] snapshot(DnnTrainer e) {
    int n = e.topology().numLayers();
    INDArray[] s = new INDArray[2 * n];
    for (int l = 0; l < n; l++) {
      s[2 * l] = e.weights(l).dup();
      s[2 * l + 1] = e.bias(l).dup();
    }
    return s;
  }

  private static void restore(DnnTrainer e, INDArray[] s) {
    for (int l = 0; l < e.topology().numLayers(); l++) {
      e.weights(l).assign(s[2 * l]);
      e.bias(l).assign(s[2 * l + 1]);
    }
  }

  @Test
  void floatArrayEntryPointsMatchIndArrayOnes() {
    DnnTopology t = new DnnTopology(5, 1, 6, 3);
    TrainerOptions o = TrainerOptions.defaults().withMaxBatch(4).withSeed(9);
    DnnTrainer a = new DnnTrainer(t, o);
    DnnTrainer b = new DnnTrainer(t, o);
    float[] f = new float[3 * 5];
    for (int i = 0; i < f.length; i++) {
      f[i] = (i % 7) * 0.25f - 0.7f;
    }
    int[] labels = {2, 0, 1};
    double la = a.trainBatch(f, 3, labels, 0.1);
    double lb = b.trainBatch(Nd4j.create(f, new long[] {3, 5}, 'c'), labels, 0.1);
    assertEquals(la, lb, 0.0);
    assertEquals(DataType.FLOAT, a.weights(0).dataType());
    float[] fa = a.forward(f, 3).dup().reshape(9).toFloatVector();
    float[] fb = b.forward(Nd4j.create(f, new long[] {3, 5}, 'c')).dup().reshape(9).toFloatVector();
    assertArrayEquals(fa, fb);
  }

  @Test
  void trainingReducesTheLoss() {
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.MOMENTUM));
    INDArray x = features(N, 7, 50);
    double first = engine.trainBatch(x, LABELS, 0.05);
    double last = first;
    for (int i = 0; i < 50; i++) {
      last = engine.trainBatch(x, LABELS, 0.05);
    }
    assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
  }

  @Test
  void saveAndLoadRoundTrip(@TempDir Path dir) throws Exception {
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.SGD));
    engine.trainBatch(features(N, 7, 60), LABELS, 0.1);
    Path file = dir.resolve("final.zip");
    MultiLayerNetworks.save(engine, file);
    DnnTrainer loaded = MultiLayerNetworks.load(file, tinyOptions(TrainerOptions.Updater.SGD));
    assertEquals(TINY, loaded.topology());
    INDArray x = features(N, 7, 61);
    assertEquals(0.0, engine.forward(x).dup().sub(loaded.forward(x)).amaxNumber().doubleValue(), 0.0);
  }

  @Test
  void rejectsCallerMistakes() {
    DnnTrainer engine = new DnnTrainer(TINY, tinyOptions(TrainerOptions.Updater.SGD));
    assertThrows(IllegalArgumentException.class, () -> engine.trainBatch(features(N, 6, 1), LABELS, 0.1));
    assertThrows(IllegalArgumentException.class, () -> engine.trainBatch(features(9, 7, 1), new int[9], 0.1));
    assertThrows(IllegalArgumentException.class, () -> engine.trainBatch(features(N, 7, 1), new int[] {0, 1}, 0.1));
    assertThrows(IllegalArgumentException.class,
        () -> engine.trainBatch(features(N, 7, 1), new int[] {0, 1, 2, 3, 4, 0}, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new DnnTopology(1040, 2, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> DnnTopology.preset("huge", 10));
    assertThrows(IllegalArgumentException.class, () -> TrainerOptions.defaults().withMomentum(1.0));
  }

  @Test
  void presetsHaveThePapersShape() {
    DnnTopology p = DnnTopology.paper(14000);
    assertEquals(1040, p.inputDim());
    assertEquals(84_412_080L, p.numParams()); // the parameter count torch_mlp.py prints for the same network
    assertEquals(DnnTopology.cpu(14000), DnnTopology.preset("cpu", 14000));
  }
}
