package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.dnn.TrainBench;
import org.asrdistill.acoustic.dnn.TrainerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-train",
    header = "Benchmark: DNN training and inference frames/s next to PyTorch (torch_mlp.py) on the same network.",
    customSynopsis = {"Usage: bench-train [options]"},
    footer = {"Alternates our engine and the PyTorch reference --repeats times in one run (same network, batch,",
        "fp32, 2 threads, plain SGD lr 0.01, cross-entropy) and prints the best rate of each, their ratios,",
        "the median of the ratios of each run's pair (robust on a shared machine),",
        "and memory: peak heap, ND4J off-heap bytes, the process's physical memory and its limit. Without python3/torch",
        "it prints our figures and says the reference is unavailable. --engine=mln measures DL4J's plain",
        "MultiLayerNetwork instead of our engine.",
        "e.g.: asr-distill bench-train --preset=paper --num-pdfs=14000 --batch-size=256 --iters=10",
        "See also: nnet-train-frmshuff (Kaldi), shared/bench/README.md"})
public final class BenchTrain extends KaldiTool {
  private static final double MB = 1048576.0;

  @Option(names = "--preset", description = "Network: paper (8 x 2560) or cpu (4 x 512). Default: ${DEFAULT-VALUE}")
  String preset = "paper";

  @Option(names = "--num-pdfs", description = "Softmax outputs (tied HMM states). Default: ${DEFAULT-VALUE}")
  int numPdfs = 14000;

  @Option(names = "--hidden-layers", description = "Overrides the preset's number of hidden layers")
  Integer hiddenLayers;

  @Option(names = "--hidden-dim", description = "Overrides the preset's hidden layer width")
  Integer hiddenDim;

  @Option(names = "--batch-size", description = "Frames per minibatch. Default: ${DEFAULT-VALUE}")
  int batchSize = 256;

  @Option(names = "--iters", description = "Timed steps per measurement. Default: ${DEFAULT-VALUE}")
  int iters = 10;

  @Option(names = "--warmup", description = "Untimed training steps first. Default: ${DEFAULT-VALUE}")
  int warmup = 2;

  @Option(names = "--repeats", description = "Alternating runs of ours and the reference. Default: ${DEFAULT-VALUE}")
  int repeats = 1;

  @Option(names = "--engine", description = "fast (ours) or mln (DL4J MultiLayerNetwork). Default: ${DEFAULT-VALUE}")
  String engine = "fast";

  @Option(names = "--updater", description = "Our engine's update rule: sgd (as the reference), momentum or adam. "
      + "Default: ${DEFAULT-VALUE}")
  String updater = "sgd";

  @Option(names = "--torch", arity = "0..1", fallbackValue = "true",
      description = "Run the PyTorch reference too. Default: ${DEFAULT-VALUE}")
  boolean torch = true;

  @Option(names = "--torch-script", description = "Reference script. Default: shared/bench/torch_mlp.py found "
      + "beside the repository root or a parent directory")
  Path torchScript;

  @Option(names = "--python", description = "Python with torch. Default: ${DEFAULT-VALUE}")
  String python = "/usr/bin/python3";

  @Override
  protected int run() throws Exception {
    if (repeats < 1) {
      throw new IllegalArgumentException("--repeats must be >= 1; got: " + repeats);
    }
    DnnTopology p = DnnTopology.preset(preset, numPdfs);
    DnnTopology topo = new DnnTopology(p.inputDim(), hiddenLayers == null ? p.hiddenLayers() : hiddenLayers,
        hiddenDim == null ? p.hiddenDim() : hiddenDim, numPdfs);
    TrainBench.Engine eng = switch (engine) {
      case "fast" -> TrainBench.Engine.FAST;
      case "mln" -> TrainBench.Engine.MLN;
      default -> throw new IllegalArgumentException("--engine must be fast or mln; got: " + engine);
    };
    TrainerOptions.Updater upd = switch (updater) {
      case "sgd" -> TrainerOptions.Updater.SGD;
      case "momentum" -> TrainerOptions.Updater.MOMENTUM;
      case "adam" -> TrainerOptions.Updater.ADAM;
      default -> throw new IllegalArgumentException("--updater must be sgd, momentum or adam; got: " + updater);
    };
    Path script = torchScript != null ? torchScript : TorchMlpReference.defaultScript().orElse(null);
    log("Network " + topo + " (" + topo.numParams() + " parameters), batch " + batchSize + ", engine " + engine
        + " (" + updater + "), reference " + (!torch ? "off" : script == null ? "not found" : script));
    TrainBench.Result best = null;
    double torchTrain = 0;
    double torchInfer = 0;
    double[] trainRatios = new double[repeats];
    double[] inferRatios = new double[repeats];
    String unavailable = !torch ? "disabled (--torch=false)" : script == null ? "no torch_mlp.py found" : null;
    for (int r = 1; r <= repeats; r++) {
      TrainBench.Result res = TrainBench.run(eng, topo, upd, batchSize, iters, warmup, 1);
      log(String.format(Locale.ROOT, "run %d: ours train %.1f infer %.1f frames/s (mean loss %.4f)", r,
          res.trainFramesPerS(), res.inferFramesPerS(), res.meanLoss()));
      best = best == null ? res : new TrainBench.Result(Math.max(best.trainFramesPerS(), res.trainFramesPerS()),
          Math.max(best.inferFramesPerS(), res.inferFramesPerS()), res.meanLoss(), res.peakHeapBytes(),
          Math.max(best.offHeapBytes(), res.offHeapBytes()), Math.max(best.physicalBytes(), res.physicalBytes()));
      if (unavailable == null) {
        StringBuilder why = new StringBuilder();
        Optional<TorchMlpReference.Rates> t = TorchMlpReference.run(python, script, topo, batchSize, iters, why);
        if (t.isEmpty()) {
          unavailable = why.toString();
        } else {
          log(String.format(Locale.ROOT, "run %d: torch train %.1f infer %.1f frames/s (ratios %.3f %.3f)", r,
              t.get().train(), t.get().infer(), res.trainFramesPerS() / t.get().train(),
              res.inferFramesPerS() / t.get().infer()));
          trainRatios[r - 1] = res.trainFramesPerS() / t.get().train();
          inferRatios[r - 1] = res.inferFramesPerS() / t.get().infer();
          torchTrain = Math.max(torchTrain, t.get().train());
          torchInfer = Math.max(torchInfer, t.get().infer());
        }
      }
    }
    System.out.printf(Locale.ROOT, "params=%d%ntrain_frames_per_s=%.1f%ninfer_frames_per_s=%.1f%n"
        + "train_GFLOP_per_s=%.1f%ninfer_GFLOP_per_s=%.1f%n", topo.numParams(), best.trainFramesPerS(),
        best.inferFramesPerS(), best.trainFramesPerS() * 6 * topo.numParams() / 1e9,
        best.inferFramesPerS() * 2 * topo.numParams() / 1e9);
    if (unavailable != null) {
      System.out.println("torch_reference=unavailable (" + unavailable + ")");
    } else {
      System.out.printf(Locale.ROOT, "torch_train_frames_per_s=%.1f%ntorch_infer_frames_per_s=%.1f%n"
          + "train_ratio=%.3f%ninfer_ratio=%.3f%nmedian_paired_train_ratio=%.3f%nmedian_paired_infer_ratio=%.3f%n",
          torchTrain, torchInfer, best.trainFramesPerS() / torchTrain, best.inferFramesPerS() / torchInfer,
          median(trainRatios), median(inferRatios));
    }
    System.out.printf(Locale.ROOT, "peak_heap_MB=%.0f%nmax_heap_MB=%.0f%nengine_offheap_MB=%.0f%nphysical_MB=%.0f%n"
        + "max_physical_MB=%.0f%n", best.peakHeapBytes() / MB, Runtime.getRuntime().maxMemory() / MB,
        best.offHeapBytes() / MB, best.physicalBytes() / MB, org.bytedeco.javacpp.Pointer.maxPhysicalBytes() / MB);
    return 0;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
