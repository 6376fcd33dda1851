package org.asrdistill.acoustic.dnn;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Fast training and inference engine of a feed-forward ReLU DNN with a softmax output trained by
 * cross-entropy: a hand-written forward and backward pass over ND4J arrays preallocated for the largest
 * minibatch, so a training step allocates no large array.
 *
 * <p>Layout (the same as PyTorch's {@code nn.Linear} and Kaldi nnet1's {@code AffineTransform}): weights
 * {@code W[l]} are {@code [out, in]} row-major, activations {@code [frames, dim]} row-major, so every matrix
 * product is one BLAS sgemm call with no copies. Per step and layer: forward {@code Y = X W^T}, backward
 * {@code dX = dY W} (before the update; skipped for the first layer), and for plain SGD the update is fused
 * into the weight-gradient product ({@code W <- W - lr/n dY^T X}, gemm with beta = 1), so gradients are never
 * materialised. Bias gradients are column sums computed as a gemm with a row of ones. The loss is the
 * exact cross-entropy of a softmax formed in place over the logits (no log-softmax pass: see the step's
 * comments), whose gradient {@code softmax - onehot} is formed in the same buffer; the 1/n of the mean is folded into the updates' gemm
 * alphas.
 *
 * <p>Loading this class limits libnd4j's own ops to one thread (see {@link #ND4J_OP_THREADS_PROPERTY}); BLAS
 * keeps its threads (OpenBLAS: all cores, or {@code OPENBLAS_NUM_THREADS}).
 *
 * <p>Not thread-safe. Arrays returned by {@link #forward} are views of internal buffers, valid until the
 * next call.
 */
public final class DnnTrainer {
  private final DnnTopology topo;
  private final TrainerOptions opts;
  private final DataType dt;
  private final int numLayers;
  private final INDArray[] w;
  private final INDArray[] b;
  /** Momentum velocity, or Adam's first moment; null for plain SGD. */
  private final INDArray[] mw;
  private final INDArray[] mb;
  /** Adam's second moment and gradient buffers; null unless Adam. */
  private final INDArray[] vw;
  private final INDArray[] vb;
  private final INDArray[] gw;
  private final INDArray[] gb;
  /** act[0]: input; act[l + 1]: output of layer l (the last one: logits, then log-posteriors / gradient). */
  private final INDArray[] act;
  private final INDArray[] delta;
  private final INDArray ones;
  /** Softmax scratch of inference, allocated at the first {@link #forward} call. */
  private INDArray probs;
  private int adamIteration;

  /**
   * System property: threads of libnd4j's own (non-BLAS) ops; default 1. With more, libnd4j's worker
   * threads compete for the cores with OpenBLAS's spinning threads between gemm calls: on a 2-core machine
   * a training step of the paper network took 1.6-2.4 s with 2 and 0.9-1.1 s with 1.
   */
  public static final String ND4J_OP_THREADS_PROPERTY = "asrdistill.nd4j.opThreads";

  static {
    Nd4j.getEnvironment().setMaxMasterThreads(Integer.getInteger(ND4J_OP_THREADS_PROPERTY, 1));
  }

  /** A network with freshly initialised weights (He-uniform for ReLU layers, Glorot-uniform output, zero biases). */
  public DnnTrainer(DnnTopology topology, TrainerOptions options) {
    this.topo = topology;
    this.opts = options;
    this.dt = options.doublePrecision() ? DataType.DOUBLE : DataType.FLOAT;
    this.numLayers = topology.numLayers();
    int maxB = options.maxBatch();
    w = new INDArray[numLayers];
    b = new INDArray[numLayers];
    boolean mom = options.updater() != TrainerOptions.Updater.SGD;
    boolean adam = options.updater() == TrainerOptions.Updater.ADAM;
    mw = mom ? new INDArray[numLayers] : null;
    mb = mom ? new INDArray[numLayers] : null;
    vw = adam ? new INDArray[numLayers] : null;
    vb = adam ? new INDArray[numLayers] : null;
    gw = adam ? new INDArray[numLayers] : null;
    gb = adam ? new INDArray[numLayers] : null;
    act = new INDArray[numLayers + 1];
    act[0] = Nd4j.create(dt, maxB, topology.inputDim());
    SplittableRandom rnd = new SplittableRandom(options.seed());
    for (int l = 0; l < numLayers; l++) {
      int in = topology.layerIn(l);
      int out = topology.layerOut(l);
      w[l] = Nd4j.create(dt, out, in);
      b[l] = Nd4j.create(dt, 1, out);
      boolean output = l == numLayers - 1;
      fillUniform(w[l], output ? Math.sqrt(6.0 / (in + out)) : Math.sqrt(6.0 / in), rnd);
      if (mom) {
        mw[l] = Nd4j.create(dt, out, in);
        mb[l] = Nd4j.create(dt, 1, out);
      }
      if (adam) {
        vw[l] = Nd4j.create(dt, out, in);
        vb[l] = Nd4j.create(dt, 1, out);
        gw[l] = Nd4j.create(dt, out, in);
        gb[l] = Nd4j.create(dt, 1, out);
      }
      act[l + 1] = Nd4j.create(dt, maxB, out);
    }
    delta = topology.hiddenLayers() == 0 ? new INDArray[0]
        : new INDArray[] {Nd4j.create(dt, maxB, topology.hiddenDim()), Nd4j.create(dt, maxB, topology.hiddenDim())};
    ones = Nd4j.ones(dt, 1, maxB);
  }

  public DnnTopology topology() {
    return topo;
  }

  public TrainerOptions options() {
    return opts;
  }

  /** Bytes of the engine's off-heap arrays: parameters, updater state and the minibatch buffers. */
  public long bufferBytes() {
    long elems = ones.length();
    for (INDArray[] group : new INDArray[][] {w, b, mw, mb, vw, vb, gw, gb, act, delta, {probs}}) {
      if (group != null) {
        for (INDArray a : group) {
          elems += a == null ? 0 : a.length();
        }
      }
    }
    return elems * dt.width();
  }

  /** Weights of affine layer {@code l}, {@code [out, in]} (the live array: changes are seen by training). */
  public INDArray weights(int l) {
    return w[l];
  }

  /** Bias of affine layer {@code l}, {@code [1, out]} (the live array). */
  public INDArray bias(int l) {
    return b[l];
  }

  /**
   * One training step on a minibatch: forward, mean cross-entropy, backward and update.
   *
   * @param features {@code [n, inputDim]}, n <= maxBatch (copied into the engine's input buffer)
   * @param labels pdf index of each row
   * @param learningRate the step size
   * @return the mean cross-entropy of the batch before the update (nats per frame)
   */
  public double trainBatch(INDArray features, int[] labels, double learningRate) {
    int n = checkBatch(features);
    rows(act[0], n).assign(features);
    return step(n, labels, learningRate);
  }

  /** As {@link #trainBatch(INDArray, int[], double)}, with the features as {@code n} row-major rows. */
  public double trainBatch(float[] features, int n, int[] labels, double learningRate) {
    copyRows(features, n);
    return step(n, labels, learningRate);
  }

  /**
   * Log-posteriors (log-softmax of the output layer) of {@code [n, inputDim]} features: a view of an
   * internal buffer, {@code [n, numPdfs]}, valid until the next call.
   */
  public INDArray forward(INDArray features) {
    int n = checkBatch(features);
    rows(act[0], n).assign(features);
    return logPosteriors(n);
  }

  /** As {@link #forward(INDArray)}, with the features as {@code n} row-major rows. */
  public INDArray forward(float[] features, int n) {
    copyRows(features, n);
    return logPosteriors(n);
  }

  /**
   * Exact log-softmax of the logits, {@code z - lse} per row. libnd4j's log_softmax and logsumexp are slow
   * here (3-8x its softmax), so lse comes from a softmax of a copy: with m the row maximum at column a,
   * p[a] = exp(m - lse) >= 1/numPdfs, so lse = m - log p[a] with no underflow.
   */
  private INDArray logPosteriors(int n) {
    if (probs == null) {
      probs = Nd4j.create(dt, opts.maxBatch(), topo.numPdfs());
    }
    INDArray z = forwardLogits(n);
    INDArray p = rows(probs, n);
    p.assign(z);
    INDArray argMax = Nd4j.argMax(z, 1);
    Nd4j.exec(new SoftMax(p, p));
    double[] lse = new double[n];
    for (int i = 0; i < n; i++) {
      long a = argMax.getLong(i);
      lse[i] = z.getDouble(i, a) - Math.log(p.getDouble(i, a));
    }
    z.subiColumnVector(Nd4j.create(lse, new long[] {n, 1}, 'c').castTo(dt));
    return z;
  }

  private double step(int n, int[] labels, double lr) {
    if (labels.length != n) {
      throw new IllegalArgumentException("labels must have one entry per row (" + n + "); got: " + labels.length);
    }
    int numPdfs = topo.numPdfs();
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= numPdfs) {
        throw new IllegalArgumentException("label must be in [0, " + numPdfs + "); got: " + labels[i] + " at row " + i);
      }
    }
    INDArray z = forwardLogits(n);
    // Softmax in place (libnd4j's fused softmax is several times faster here than log-softmax + exp). The
    // loss stays exact without a log-softmax pass: with m the row maximum at column a, p[a] = exp(m - lse)
    // >= 1/numPdfs never underflows, so lse = m - log p[a] and -log p[label] = lse - z[label].
    INDArray argMax = Nd4j.argMax(z, 1);
    double loss = 0;
    long[] amax = new long[n];
    for (int i = 0; i < n; i++) {
      amax[i] = argMax.getLong(i);
      loss += z.getDouble(i, amax[i]) - z.getDouble(i, labels[i]);
    }
    Nd4j.exec(new SoftMax(z, z));
    // gradient of the mean cross-entropy, times n: softmax - onehot
    for (int i = 0; i < n; i++) {
      loss -= Math.log(z.getDouble(i, amax[i]));
      z.putScalar(i, labels[i], z.getDouble(i, labels[i]) - 1.0);
    }
    backward(n, z, lr);
    return loss / n;
  }

  /**
   * The gradient of a training loss with respect to the output layer's logits, for {@link #trainBatch(float[], int,
   * OutputGradient, double)}: given the batch's logits {@code [n, numPdfs]} (a view of the engine's buffer), it
   * overwrites them in place with n times the gradient of the mean loss (that is, the per-frame gradients) and
   * returns the mean loss of the batch.
   */
  public interface OutputGradient {
    double apply(INDArray logits, int n);
  }

  /**
   * One training step with a loss given by its output-layer gradient (e.g. distillation with soft targets): forward,
   * {@code loss.apply} on the logits, backward and update as the cross-entropy step does.
   */
  public double trainBatch(float[] features, int n, OutputGradient loss, double learningRate) {
    copyRows(features, n);
    INDArray z = forwardLogits(n);
    double l = loss.apply(z, n);
    backward(n, z, learningRate);
    return l;
  }

  private void backward(int n, INDArray z, double lr) {
    if (opts.updater() == TrainerOptions.Updater.ADAM) {
      adamIteration++;
    }
    double scale = 1.0 / n;
    INDArray dOut = z;
    for (int l = numLayers - 1; l >= 0; l--) {
      INDArray in = rows(act[l], n);
      INDArray dIn = null;
      if (l > 0) {
        dIn = rows(delta[l & 1], n);
        Nd4j.gemm(dOut, w[l], dIn, false, false, 1.0, 0.0);
        Nd4j.exec(new RectifiedLinearDerivative(in, dIn, dIn));
      }
      update(l, dOut, in, n, scale, lr);
      dOut = dIn;
    }
  }

  /** Applies the update of layer {@code l} from its output gradient (times n) and its input. */
  private void update(int l, INDArray dOut, INDArray in, int n, double scale, double lr) {
    INDArray ones1 = ones.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, n));
    switch (opts.updater()) {
      case SGD -> {
        Nd4j.gemm(dOut, in, w[l], true, false, -lr * scale, 1.0);
        Nd4j.gemm(ones1, dOut, b[l], false, false, -lr * scale, 1.0);
      }
      case MOMENTUM -> {
        double mu = opts.momentum();
        Nd4j.gemm(dOut, in, mw[l], true, false, scale, mu);
        Nd4j.gemm(ones1, dOut, mb[l], false, false, scale, mu);
        Nd4j.exec(new Axpy(mw[l], w[l], w[l], -lr));
        Nd4j.exec(new Axpy(mb[l], b[l], b[l], -lr));
      }
      case ADAM -> {
        Nd4j.gemm(dOut, in, gw[l], true, false, scale, 0.0);
        Nd4j.gemm(ones1, dOut, gb[l], false, false, scale, 0.0);
        adam(gw[l], vw[l], mw[l], w[l], lr);
        adam(gb[l], vb[l], mb[l], b[l], lr);
      }
      default -> throw new IllegalStateException("unknown updater " + opts.updater());
    }
  }

  private void adam(INDArray g, INDArray v, INDArray m, INDArray param, double lr) {
    // libnd4j's adam_updater: turns g into the step and updates both moments in place
    Nd4j.exec(new AdamUpdater(g, v, m, g, v, m, lr, opts.adamBeta1(), opts.adamBeta2(), opts.adamEpsilon(),
        adamIteration - 1));
    param.subi(g);
  }

  private INDArray forwardLogits(int n) {
    for (int l = 0; l < numLayers; l++) {
      INDArray y = rows(act[l + 1], n);
      Nd4j.gemm(rows(act[l], n), w[l], y, false, true, 1.0, 0.0);
      y.addiRowVector(b[l]);
      if (l < numLayers - 1) {
        Nd4j.exec(new RectifiedLinear(y, y));
      }
    }
    return rows(act[numLayers], n);
  }

  private int checkBatch(INDArray features) {
    if (features.rank() != 2 || features.columns() != topo.inputDim()) {
      throw new IllegalArgumentException("features must be [n, " + topo.inputDim() + "]; got: "
          + java.util.Arrays.toString(features.shape()));
    }
    return checkRows((int) features.rows());
  }

  private int checkRows(int n) {
    if (n < 1 || n > opts.maxBatch()) {
      throw new IllegalArgumentException("batch rows must be in [1, " + opts.maxBatch() + "]; got: " + n);
    }
    return n;
  }

  private void copyRows(float[] features, int n) {
    checkRows(n);
    long len = (long) n * topo.inputDim();
    if (features.length < len) {
      throw new IllegalArgumentException("features must hold " + n + " rows of " + topo.inputDim()
          + " values; got: " + features.length + " values");
    }
    // act[0] is a dense row-major buffer: a bulk copy into its host memory, no temporary array; the tag
    // makes a device backend (CUDA) copy it over before use, and is a no-op on the CPU backend
    if (dt == DataType.FLOAT) {
      ((FloatPointer) act[0].data().addressPointer()).put(features, 0, (int) len);
    } else {
      DoublePointer p = (DoublePointer) act[0].data().addressPointer();
      for (int i = 0; i < len; i++) {
        p.put(i, features[i]);
      }
    }
    Nd4j.getAffinityManager().tagLocation(act[0], AffinityManager.Location.HOST);
  }

  private static final String STATE_MAGIC = "ASRDNNS1";

  /**
   * Writes the training state (parameters, updater state, Adam step count) for a checkpoint: magic and version,
   * topology, updater, precision, then every array's values row-major. {@link #readState} restores it exactly.
   */
  public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
    out.writeBytes(STATE_MAGIC);
    out.writeInt(topo.inputDim());
    out.writeInt(topo.hiddenLayers());
    out.writeInt(topo.hiddenDim());
    out.writeInt(topo.numPdfs());
    out.writeInt(opts.updater().ordinal());
    out.writeBoolean(dt == DataType.DOUBLE);
    out.writeInt(adamIteration);
    for (INDArray[] group : stateArrays()) {
      for (INDArray a : group) {
        if (dt == DataType.DOUBLE) {
          for (double v : a.data().asDouble()) {
            out.writeDouble(v);
          }
        } else {
          for (float v : a.data().asFloat()) {
            out.writeFloat(v);
          }
        }
      }
    }
  }

  /** Restores a state written by {@link #writeState} of an engine with the same topology, updater and precision. */
  public void readState(java.io.DataInputStream in, String source) throws java.io.IOException {
    byte[] magic = new byte[STATE_MAGIC.length()];
    in.readFully(magic);
    if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals(STATE_MAGIC)) {
      throw new java.io.IOException(source + ": not a DNN training state (bad magic)");
    }
    int[] shape = {in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt()};
    boolean dbl = in.readBoolean();
    int[] want = {topo.inputDim(), topo.hiddenLayers(), topo.hiddenDim(), topo.numPdfs(), opts.updater().ordinal()};
    if (!java.util.Arrays.equals(shape, want) || dbl != (dt == DataType.DOUBLE)) {
      throw new java.io.IOException(source + ": state of a different network or updater: "
          + java.util.Arrays.toString(shape) + " vs " + java.util.Arrays.toString(want));
    }
    adamIteration = in.readInt();
    for (INDArray[] group : stateArrays()) {
      for (INDArray a : group) {
        int len = (int) a.length();
        if (dbl) {
          double[] v = new double[len];
          for (int i = 0; i < len; i++) {
            v[i] = in.readDouble();
          }
          a.assign(Nd4j.createFromArray(v).reshape(a.shape()));
        } else {
          float[] v = new float[len];
          for (int i = 0; i < len; i++) {
            v[i] = in.readFloat();
          }
          a.assign(Nd4j.createFromArray(v).reshape(a.shape()));
        }
      }
    }
  }

  private java.util.List<INDArray[]> stateArrays() {
    java.util.List<INDArray[]> out = new java.util.ArrayList<>();
    for (INDArray[] g : new INDArray[][] {w, b, mw, mb, vw, vb}) {
      if (g != null) {
        out.add(g);
      }
    }
    return out;
  }

  /** The first n rows of a row-major buffer: a contiguous view at offset 0. */
  private static INDArray rows(INDArray buf, int n) {
    return n == buf.rows() ? buf : buf.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
  }

  private static void fillUniform(INDArray m, double limit, SplittableRandom rnd) {
    int rows = (int) m.rows();
    int cols = (int) m.columns();
    int chunk = Math.max(1, Math.min(rows, (1 << 20) / cols));
    for (int r0 = 0; r0 < rows; r0 += chunk) {
      int r1 = Math.min(rows, r0 + chunk);
      double[] v = new double[(r1 - r0) * cols];
      for (int i = 0; i < v.length; i++) {
        v[i] = (2 * rnd.nextDouble() - 1) * limit;
      }
      m.get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all())
          .assign(Nd4j.create(v, new long[] {r1 - r0, cols}, 'c').castTo(m.dataType()));
    }
  }
}
