package org.asrdistill.distill;

import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.dnn.DnnTrainer;
import org.asrdistill.acoustic.dnn.DnnTraining;
import org.asrdistill.acoustic.dnn.TrainerOptions;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.acoustic.frames.Minibatches;
import org.asrdistill.distill.cache.TeacherCache;
import org.asrdistill.distill.loss.DistillationLoss;

/**
 * Cost of distillation per training step: frames/s of the same engine stepping through the same shuffled,
 * spliced, prefetched minibatches with the hard-label cross-entropy step and with the distillation step (soft
 * targets read from a teacher cache), alternately, so an epoch-time ratio can be read off.
 */
public final class DistillBench {
  private DistillBench() {
  }

  /** Frames per second of the hard and the distillation step. */
  public record Result(double hardFramesPerS, double distillFramesPerS) {
    public double epochTimeRatio() {
      return hardFramesPerS / distillFramesPerS;
    }
  }

  public static Result run(FrameStore store, TeacherCache cache, DnnTopology topo, int batch, int iters, int warmup,
      DistillationLoss.Options loss) throws InterruptedException {
    DnnTrainer engine = new DnnTrainer(topo, TrainerOptions.defaults().withUpdater(TrainerOptions.Updater.MOMENTUM)
        .withMaxBatch(batch));
    DnnTraining.BatchStep hard = DnnTraining.CROSS_ENTROPY;
    DnnTraining.BatchStep soft = Distillation.step(cache, loss);
    double lr = 1e-4;
    long[] nanos = new long[2];
    long[] frames = new long[2];
    try (Minibatches mb = new Minibatches(store, store.utts(), DnnTopology.SPLICE_LEFT, DnnTopology.SPLICE_RIGHT,
        batch, 1, 1, true, 0)) {
      for (int i = 0; i < warmup + 2 * iters; i++) {
        Minibatches.Batch b = mb.next();
        if (b == null) {
          break;
        }
        int which = i % 2;
        long t0 = System.nanoTime();
        (which == 0 ? hard : soft).step(engine, b, lr);
        if (i >= warmup) {
          nanos[which] += System.nanoTime() - t0;
          frames[which] += b.n;
        }
        mb.recycle(b);
      }
    }
    return new Result(frames[0] / (nanos[0] / 1e9), frames[1] / (nanos[1] / 1e9));
  }

}
