package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.dnn.TrainerOptions;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.acoustic.frames.StoreBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench-frame-store",
    header = "Benchmark: DNN training frames/s from a frame store (shuffled, spliced, prefetched) next to training on "
        + "one in-memory minibatch, same engine and run.",
    customSynopsis = "Usage: bench-frame-store [options] <frame-store>",
    footer = {"Prints in_memory_frames_per_s, store_frames_per_s and their ratio for each repeat, then the medians.",
        "e.g.: bench-frame-store --preset=cpu --iters=300 --repeats=3 exp/dnn/train.fst",
        "See also: bench-train, train-dnn, make-frame-store"})
public final class BenchFrameStore extends KaldiTool {
  @Option(names = "--preset", description = "Network: paper or cpu. Default: ${DEFAULT-VALUE}")
  String preset = "cpu";

  @Option(names = "--num-pdfs", description = "Softmax outputs (>= the store's pdf count; default: the store's)")
  Integer numPdfs;

  @Option(names = "--batch-size", description = "Frames per minibatch. Default: ${DEFAULT-VALUE}")
  int batchSize = 256;

  @Option(names = "--iters", description = "Timed steps per source and repeat. Default: ${DEFAULT-VALUE}")
  int iters = 300;

  @Option(names = "--warmup", description = "Untimed steps first. Default: ${DEFAULT-VALUE}")
  int warmup = 20;

  @Option(names = "--repeats", description = "Repeats (each a different shuffle). Default: ${DEFAULT-VALUE}")
  int repeats = 3;

  @Option(names = "--updater", description = "sgd, momentum or adam. Default: ${DEFAULT-VALUE}")
  String updater = "momentum";

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Override
  protected int run() throws Exception {
    try (FrameStore store = FrameStore.open(storeFile)) {
      int pdfs = numPdfs == null ? store.numPdfs() : numPdfs;
      if (pdfs < store.numPdfs()) {
        throw new IllegalArgumentException("--num-pdfs must be >= the store's " + store.numPdfs() + "; got: " + pdfs);
      }
      DnnTopology p = DnnTopology.preset(preset, pdfs);
      DnnTopology t = new DnnTopology(store.dim() * (DnnTopology.SPLICE_LEFT + 1 + DnnTopology.SPLICE_RIGHT),
          p.hiddenLayers(), p.hiddenDim(), pdfs);
      log("store " + storeFile + ": " + store.numFrames() + " frames of dim " + store.dim() + "; network " + t);
      double[] ratios = new double[repeats];
      double[] mem = new double[repeats];
      double[] st = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        StoreBench.Result res = StoreBench.run(store, t, TrainerOptions.Updater.valueOf(updater.toUpperCase(
            Locale.ROOT)), batchSize, iters, warmup, 1, r + 1);
        mem[r] = res.inMemoryFramesPerS();
        st[r] = res.storeFramesPerS();
        ratios[r] = res.ratio();
        System.out.printf(Locale.ROOT, "repeat=%d in_memory_frames_per_s=%.0f store_frames_per_s=%.0f ratio=%.3f%n",
            r + 1, mem[r], st[r], ratios[r]);
      }
      java.util.Arrays.sort(mem);
      java.util.Arrays.sort(st);
      java.util.Arrays.sort(ratios);
      System.out.printf(Locale.ROOT, "median in_memory_frames_per_s=%.0f store_frames_per_s=%.0f ratio=%.3f%n",
          mem[repeats / 2], st[repeats / 2], ratios[repeats / 2]);
    }
    return 0;
  }
}
