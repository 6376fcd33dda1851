package org.asrdistill.acoustic.frames;

import java.util.Arrays;
import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.dnn.DnnTrainer;
import org.asrdistill.acoustic.dnn.TrainerOptions;

/**
 * Is the data pipeline the bottleneck? Training frames/s of the same engine on (a) one minibatch held in memory,
 * stepped repeatedly, and (b) minibatches from a {@link FrameStore}: shuffled over the whole store, spliced and
 * prefetched by {@link Minibatches}, as training reads them.
 */
public final class StoreBench {
  private StoreBench() {
  }

  /** Frames per second of both sources in one measurement. */
  public record Result(double inMemoryFramesPerS, double storeFramesPerS) {
    public double ratio() {
      return storeFramesPerS / inMemoryFramesPerS;
    }
  }

  public static Result run(FrameStore store, DnnTopology topo, TrainerOptions.Updater updater, int batch, int iters,
      int warmup, long seed, int epoch) throws InterruptedException {
    int left = DnnTopology.SPLICE_LEFT;
    int right = DnnTopology.SPLICE_RIGHT;
    DnnTrainer engine = new DnnTrainer(topo, TrainerOptions.defaults().withUpdater(updater).withMaxBatch(batch)
        .withSeed(seed));
    double lr = 1e-4;
    try (Minibatches mb = new Minibatches(store, store.utts(), left, right, batch, seed, epoch, true, 0)) {
      Minibatches.Batch first = mb.next();
      float[] feats = first.features.clone();
      int[] labels = Arrays.copyOf(first.labels, first.n);
      int n = first.n;
      mb.recycle(first);
      for (int i = 0; i < warmup; i++) {
        engine.trainBatch(feats, n, labels, lr);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        engine.trainBatch(feats, n, labels, lr);
      }
      double mem = (double) iters * n / ((System.nanoTime() - t0) / 1e9);
      long frames = 0;
      long t1 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        Minibatches.Batch b = mb.next();
        if (b == null) {
          break;
        }
        int[] l = b.n == b.labels.length ? b.labels : Arrays.copyOf(b.labels, b.n);
        engine.trainBatch(b.features, b.n, l, lr);
        frames += b.n;
        mb.recycle(b);
      }
      double st = frames / ((System.nanoTime() - t1) / 1e9);
      return new Result(mem, st);
    }
  }
}
