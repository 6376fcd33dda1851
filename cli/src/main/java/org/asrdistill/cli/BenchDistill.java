package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.DistillBench;
import org.asrdistill.distill.cache.TeacherCache;
import org.asrdistill.distill.loss.DistillationLoss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench-distill",
    header = "Benchmark: training frames/s of the distillation step (soft targets from a teacher cache) next to the "
        + "hard-label step, same engine, batches and run; prints the epoch-time ratio.",
    customSynopsis = "Usage: bench-distill [options] <frame-store> <teacher-cache>",
    footer = {"Steps alternate between the two losses on the same minibatch stream, so load affects both alike.",
        "e.g.: bench-distill --preset=cpu --iters=200 train.fst teacher.cache",
        "See also: distill, bench-frame-store, bench-train"})
public final class BenchDistill extends KaldiTool {
  @Option(names = "--preset", description = "Network: paper or cpu. Default: ${DEFAULT-VALUE}")
  String preset = "cpu";

  @Option(names = "--batch-size", description = "Frames per minibatch. Default: ${DEFAULT-VALUE}")
  int batchSize = 256;

  @Option(names = "--iters", description = "Timed steps of each kind. Default: ${DEFAULT-VALUE}")
  int iters = 200;

  @Option(names = "--warmup", description = "Untimed steps first. Default: ${DEFAULT-VALUE}")
  int warmup = 20;

  @Option(names = "--temperature", description = "Temperature of the soft term. Default: ${DEFAULT-VALUE}")
  double temperature = 2;

  @Option(names = "--hard-weight", description = "Weight of the hard term. Default: ${DEFAULT-VALUE}")
  double hardWeight = 0.5;

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Parameters(index = "1", paramLabel = "<teacher-cache>")
  Path cacheFile;

  @Override
  protected int run() throws Exception {
    try (FrameStore store = FrameStore.open(storeFile); TeacherCache cache = TeacherCache.open(cacheFile, store)) {
      DnnTopology p = DnnTopology.preset(preset, store.numPdfs());
      DnnTopology t = new DnnTopology(store.dim() * (DnnTopology.SPLICE_LEFT + 1 + DnnTopology.SPLICE_RIGHT),
          p.hiddenLayers(), p.hiddenDim(), store.numPdfs());
      log("network " + t + "; cache " + cache.mode() + ", " + cache.bytesPerFrame() + " bytes per frame");
      DistillBench.Result r = DistillBench.run(store, cache, t, batchSize, iters, warmup,
          new DistillationLoss.Options(temperature, hardWeight));
      System.out.printf(Locale.ROOT, "hard_frames_per_s=%.0f distill_frames_per_s=%.0f epoch_time_ratio=%.3f%n",
          r.hardFramesPerS(), r.distillFramesPerS(), r.epochTimeRatio());
    }
    return 0;
  }
}
