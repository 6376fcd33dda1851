package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.dnn.DnnTraining;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.dnn.TrainerOptions;
import org.asrdistill.acoustic.frames.FrameStore;
import picocli.CommandLine.Option;

/** The DNN training options shared by train-dnn, train-ensemble and distill. */
final class DnnTrainOptions {
  @Option(names = "--preset", description = "Network size: paper (8 x 2560) or cpu (4 x 512). Default: ${DEFAULT-VALUE}")
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

  @Option(names = "--early-stopping", arity = "1", description = "Newbob's epoch rejection and stop on small held-out "
      + "gains; false trains all --max-iters epochs and keeps every one (learning-rate halving as usual). "
      + "Default: ${DEFAULT-VALUE}")
  boolean earlyStopping = true;

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

  @Option(names = "--seed", description = "Random seed (initialisation and shuffling; the held-out speakers are the same"
      + " for every seed)."
      + " Default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Option(names = "--utt-list", description = "Train only on these utterances (first field of each line), e.g. a "
      + "small-data subset; the held-out speakers stay the same")
  java.nio.file.Path uttList;

  /** The utterance subset of --utt-list, or null for all. */
  java.util.Set<String> subset() throws java.io.IOException {
    return uttList == null ? null : readUttList(uttList);
  }

  /** The first field of every non-blank line of {@code file}. */
  static java.util.Set<String> readUttList(java.nio.file.Path file) throws java.io.IOException {
    java.util.Set<String> s = new java.util.HashSet<>();
    for (String l : java.nio.file.Files.readAllLines(file)) {
      if (!l.isBlank()) {
        s.add(l.trim().split("\\s+")[0]);
      }
    }
    return s;
  }

  DnnTraining.Options options(FrameStore store, long seedValue) {
    int in = store.dim() * (left + 1 + right);
    DnnTopology p = DnnTopology.preset(preset, store.numPdfs());
    DnnTopology t = new DnnTopology(in, hiddenLayers == null ? p.hiddenLayers() : hiddenLayers,
        hiddenDim == null ? p.hiddenDim() : hiddenDim, store.numPdfs());
    return new DnnTraining.Options(t, TrainerOptions.Updater.valueOf(updater.toUpperCase(Locale.ROOT)), learnRate,
        momentum, batchSize, maxEpochs, minEpochs, halvingFactor, startHalvingImpr, endHalvingImpr, validSpeakers, left,
        right, seedValue, new ModelDir.Features("fbank", store.dim(), true, false), earlyStopping);
  }

  /** Copies a transition model into a model directory as trans.mdl (under a temporary name, then renamed). */
  static void copyTransModel(java.nio.file.Path from, java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Path tmp = dir.resolve("trans.mdl.tmp");
    java.nio.file.Files.copy(from, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    java.nio.file.Files.move(tmp, dir.resolve("trans.mdl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
