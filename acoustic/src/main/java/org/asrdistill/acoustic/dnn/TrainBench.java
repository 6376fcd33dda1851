package org.asrdistill.acoustic.dnn;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Training and inference throughput of a network on synthetic minibatches, measured as
 * {@code ../shared/bench/torch_mlp.py} does: uniform [0, 1) features, label {@code i mod numPdfs}, plain SGD
 * with learning rate 0.01, fp32; {@code warmup} untimed steps, then {@code iters} timed training steps, then
 * one untimed and {@code iters} timed forward passes.
 */
public final class TrainBench {
  /** Which implementation to measure. */
  public enum Engine {
    /** {@link DnnTrainer}: the hand-written forward/backward with fused updates. */
    FAST,
    /** DL4J's {@link MultiLayerNetwork#fit} and {@link MultiLayerNetwork#output} (the baseline). */
    MLN
  }

  /**
   * Frames per second of training and inference, the mean training loss, and memory after the run: peak
   * heap, the engine's off-heap arrays (ND4J's CPU backend allocates outside javacpp's accounting), and the
   * process's resident memory (javacpp's physicalBytes: heap, off-heap and native libraries).
   */
  public record Result(double trainFramesPerS, double inferFramesPerS, double meanLoss, long peakHeapBytes,
      long offHeapBytes, long physicalBytes) {}

  private TrainBench() {}

  /** Runs the benchmark (see the class comment). */
  public static Result run(Engine engine, DnnTopology topology, int batch, int iters, int warmup, long seed) {
    return run(engine, topology, TrainerOptions.Updater.SGD, batch, iters, warmup, seed);
  }

  /**
   * As {@link #run(Engine, DnnTopology, int, int, int, long)} with another update rule for {@link Engine#FAST}
   * (momentum 0.9; Adam with its usual constants and learning rate 1e-4): no longer the reference's recipe,
   * but shows their cost.
   */
  public static Result run(Engine engine, DnnTopology topology, TrainerOptions.Updater updater, int batch,
      int iters, int warmup, long seed) {
    if (engine == Engine.MLN && updater != TrainerOptions.Updater.SGD) {
      throw new IllegalArgumentException("the MultiLayerNetwork baseline runs plain SGD only; got: " + updater);
    }
    if (batch < 1 || iters < 1 || warmup < 0) {
      throw new IllegalArgumentException("batch and iters must be >= 1 and warmup >= 0; got: " + batch + ", "
          + iters + ", " + warmup);
    }
    INDArray x = Nd4j.rand(DataType.FLOAT, batch, topology.inputDim());
    int[] labels = new int[batch];
    for (int i = 0; i < batch; i++) {
      labels[i] = i % topology.numPdfs();
    }
    double lr = updater == TrainerOptions.Updater.ADAM ? 1e-4 : 0.01; // Adam's steps do not scale with the gradient
    double train;
    double infer;
    double loss = 0;
    long offHeap;
    if (engine == Engine.FAST) {
      DnnTrainer t = new DnnTrainer(topology,
          TrainerOptions.defaults().withUpdater(updater).withMaxBatch(batch).withSeed(seed));
      offHeap = t.bufferBytes();
      for (int i = 0; i < warmup; i++) {
        t.trainBatch(x, labels, lr);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        loss += t.trainBatch(x, labels, lr);
      }
      train = rate(batch, iters, t0);
      t.forward(x);
      t0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        t.forward(x);
      }
      infer = rate(batch, iters, t0);
    } else {
      MultiLayerNetwork net = new MultiLayerNetwork(
          MultiLayerNetworks.configuration(topology, new Sgd(lr), DataType.FLOAT, seed));
      net.init();
      INDArray y = Nd4j.zeros(DataType.FLOAT, batch, topology.numPdfs());
      for (int i = 0; i < batch; i++) {
        y.putScalar(i, labels[i], 1.0);
      }
      DataSet ds = new DataSet(x, y);
      offHeap = 2 * net.params().length() * Float.BYTES; // parameters and gradients (SGD keeps no state)
      for (int i = 0; i < warmup; i++) {
        net.fit(ds);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        net.fit(ds);
        loss += net.score();
      }
      train = rate(batch, iters, t0);
      net.output(x);
      t0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        net.output(x);
      }
      infer = rate(batch, iters, t0);
    }
    return new Result(train, infer, loss / iters, peakHeapBytes(), offHeap, Pointer.physicalBytes());
  }

  private static double rate(int batch, int iters, long t0) {
    return (double) batch * iters / ((System.nanoTime() - t0) / 1e9);
  }

  /** Sum of the peak usage of the heap's memory pools since the JVM started. */
  public static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
