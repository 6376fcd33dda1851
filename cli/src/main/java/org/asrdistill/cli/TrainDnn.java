package org.asrdistill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.dnn.DnnTraining;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.dnn.TrainerOptions;
import org.asrdistill.acoustic.frames.FrameStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train-dnn",
    header = "Train a DNN acoustic model (frame cross-entropy, newbob schedule) on a frame store; resumable.",
    customSynopsis = "Usage: train-dnn [options] <frame-store> <exp-dir>",
    footer = {"Presets: paper (8 x 2560 ReLU), cpu (4 x 512); --hidden-layers/--hidden-dim override the preset.",
        "The input is the store's frames spliced --left-context/--right-context (20/5: 26 frames, the target is the",
        "21st). Writes <exp-dir>/final.zip, model.json (with log priors), train-state.json (per-epoch results) and a",
        "checkpoint per epoch; rerunning after an interruption resumes after the last complete epoch.",
        "e.g.: train-dnn --preset=cpu --trans-model=exp/tri1/final.mdl exp/dnn/train.fst exp/dnn",
        "See also: make-frame-store, nnet-forward, decode, bench-train"})
public final class TrainDnn extends KaldiTool {
  @Option(names = "--preset", description = "Network size: paper or cpu. Default: ${DEFAULT-VALUE}")
  String preset = "cpu";

  @Option(names = "--hidden-layers", description = "Hidden layers (overrides the preset)")
  Integer hiddenLayers;

  @Option(names = "--hidden-dim", description = "Hidden units per layer (overrides the preset)")
  Integer hiddenDim;

  @Option(names = "--updater", description = "sgd, momentum or adam. Default: ${DEFAULT-VALUE}")
  String updater = "momentum";

  @Option(names = "--learn-rate", description = "Initial learning rate. Default: ${DEFAULT-VALUE}")
  double learnRate = 0.008;

  @Option(names = "--momentum", description = "Momentum. Default: ${DEFAULT-VALUE}")
  double momentum = 0.9;

  @Option(names = "--minibatch-size", description = "Frames per minibatch. Default: ${DEFAULT-VALUE}")
  int batchSize = 256;

  @Option(names = "--max-iters", description = "Maximum epochs. Default: ${DEFAULT-VALUE}")
  int maxEpochs = 20;

  @Option(names = "--min-iters", description = "Minimum epochs before stopping. Default: ${DEFAULT-VALUE}")
  int minEpochs = 0;

  @Option(names = "--halving-factor", description = "Learning-rate factor when halving. Default: ${DEFAULT-VALUE}")
  double halvingFactor = 0.5;

  @Option(names = "--start-halving-impr", description = "Relative held-out improvement below which halving starts. "
      + "Default: ${DEFAULT-VALUE}")
  double startHalvingImpr = 0.01;

  @Option(names = "--end-halving-impr", description = "Relative improvement below which training stops. "
      + "Default: ${DEFAULT-VALUE}")
  double endHalvingImpr = 0.001;

  @Option(names = "--valid-speakers", description = "Speakers held out for validation. Default: ${DEFAULT-VALUE}")
  int validSpeakers = 4;

  @Option(names = "--left-context", description = "Frames of left context. Default: ${DEFAULT-VALUE}")
  int left = DnnTopology.SPLICE_LEFT;

  @Option(names = "--right-context", description = "Frames of right context. Default: ${DEFAULT-VALUE}")
  int right = DnnTopology.SPLICE_RIGHT;

  @Option(names = "--seed", description = "Random seed (initialisation, shuffling, held-out speakers). "
      + "Default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Option(names = "--trans-model", description = "Transition model (e.g. the GMM's final.mdl) copied into the model "
      + "directory as trans.mdl, for decoding through HCLG")
  Path transModel;

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Parameters(index = "1", paramLabel = "<exp-dir>")
  Path exp;

  @Override
  protected int run() throws Exception {
    try (FrameStore store = FrameStore.open(storeFile)) {
      int in = store.dim() * (left + 1 + right);
      DnnTopology p = DnnTopology.preset(preset, store.numPdfs());
      DnnTopology t = new DnnTopology(in, hiddenLayers == null ? p.hiddenLayers() : hiddenLayers,
          hiddenDim == null ? p.hiddenDim() : hiddenDim, store.numPdfs());
      DnnTraining.Options o = new DnnTraining.Options(t, TrainerOptions.Updater.valueOf(updater.toUpperCase(
          java.util.Locale.ROOT)), learnRate, momentum, batchSize, maxEpochs, minEpochs, halvingFactor,
          startHalvingImpr, endHalvingImpr, validSpeakers, left, right, seed, new ModelDir.Features("fbank",
          store.dim(), true, false));
      if (transModel != null) {
        Files.createDirectories(exp);
        Path tmp = exp.resolve("trans.mdl.tmp");
        Files.copy(transModel, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, exp.resolve("trans.mdl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      DnnTraining.train(store, exp, o, this::log);
    }
    return 0;
  }
}
