package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.acoustic.dnn.DnnTraining;
import org.asrdistill.acoustic.frames.FrameStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @Mixin
  DnnTrainOptions train = new DnnTrainOptions();

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
      DnnTraining.Options o = train.options(store, train.seed);
      if (transModel != null) {
        DnnTrainOptions.copyTransModel(transModel, exp);
      }
      DnnTraining.train(store, train.subset(), exp, o, DnnTraining.CROSS_ENTROPY, this::log);
    }
    return 0;
  }
}
