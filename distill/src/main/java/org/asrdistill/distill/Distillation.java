package org.asrdistill.distill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import org.asrdistill.acoustic.dnn.DnnTraining;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.cache.TeacherCache;
import org.asrdistill.distill.loss.DistillationLoss;

/**
 * Student training on a teacher cache: the DNN training loop of {@link DnnTraining} (newbob schedule on held-out
 * cross-entropy, checkpoints, resume, report) with the distillation loss as the training step.
 */
public final class Distillation {
  private Distillation() {
  }

  /** The training step: soft targets of the batch's frames from the cache, hard labels from the store. */
  public static DnnTraining.BatchStep step(TeacherCache cache, DistillationLoss.Options loss) {
    TeacherCache.BatchTargets targets = cache.batchTargets();
    return (engine, b, lr) -> engine.trainBatch(b.features, b.n, DistillationLoss.gradient(targets.load(b.frames,
        b.n), b.n == b.labels.length ? b.labels : Arrays.copyOf(b.labels, b.n), loss), lr);
  }

  /** Trains a student into {@code expDir} (resumable); {@code subset} limits the training utterances (null: all). */
  public static ModelDir train(FrameStore store, TeacherCache cache, Set<String> subset, Path expDir,
      DnnTraining.Options o, DistillationLoss.Options loss, Consumer<String> log) throws IOException,
      InterruptedException {
    log.accept(String.format(java.util.Locale.ROOT, "distill: temperature %.3g, hard-label weight %.3g, gradient limit "
        + "%s, teacher cache %s (%s, %d bytes per frame)", loss.temperature(), loss.hardWeight(),
        loss.maxGradNorm() > 0 ? String.format(java.util.Locale.ROOT, "%.3g", loss.maxGradNorm()) : "none", cache,
        cache.mode(), cache.bytesPerFrame()));
    return DnnTraining.train(store, subset, expDir, o, step(cache, loss), java.util.Map.of("targets", "soft",
        "temperature", loss.temperature(), "hard_weight", loss.hardWeight(), "max_grad_norm", loss.maxGradNorm(),
        "teacher_cache", cache.mode().toString()), log);
  }
}
