package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Set;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.Distillation;
import org.asrdistill.distill.cache.TeacherCache;
import org.asrdistill.distill.loss.DistillationLoss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "distill",
    header = "Train a student DNN on a teacher cache: T^2 x soft cross-entropy at temperature T plus --hard-weight x "
        + "hard-label cross-entropy; the DNN training loop (newbob, checkpoints, resume). The student decodes at T = 1.",
    customSynopsis = "Usage: distill [options] <frame-store> <teacher-cache> <exp-dir>",
    footer = {"The student's size comes from --preset/--hidden-layers/--hidden-dim (smaller than the teacher's for",
        "compression). --utt-list limits training to some utterances (e.g. 3%% of the data), soft targets from a",
        "full-data teacher.",
        "e.g.: distill --temperature=2 --hard-weight=0.5 --trans-model=exp/tri1/final.mdl train.fst teacher.cache "
            + "exp/distill-T2",
        "See also: make-teacher-cache, train-ensemble, train-dnn"})
public final class Distill extends KaldiTool {
  @Mixin
  DnnTrainOptions train = new DnnTrainOptions();

  @Option(names = "--temperature", description = "Softmax temperature of the soft term. Default: ${DEFAULT-VALUE}")
  double temperature = 2.0;

  @Option(names = "--hard-weight", description = "Relative weight of the hard-label term. Default: ${DEFAULT-VALUE}")
  double hardWeight = 0.5;

  @Option(names = "--max-grad-norm", description = "Limit on the root mean square over a minibatch's frames of the "
      + "per-frame output-gradient norm; larger gradients are scaled down to it (0: no limit). Default: (1 + "
      + "hard-weight) x sqrt(2), the most the T = 1 loss can produce, so that high temperatures do not multiply the "
      + "step size early in training")
  Double maxGradNorm;

  @Option(names = "--trans-model", description = "Transition model copied into the model directory as trans.mdl")
  Path transModel;

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Parameters(index = "1", paramLabel = "<teacher-cache>")
  Path cacheFile;

  @Parameters(index = "2", paramLabel = "<exp-dir>")
  Path exp;

  @Override
  protected int run() throws Exception {
    Set<String> subset = train.subset();
    if (transModel != null) {
      DnnTrainOptions.copyTransModel(transModel, exp);
    }
    try (FrameStore store = FrameStore.open(storeFile); TeacherCache cache = TeacherCache.open(cacheFile, store)) {
      Distillation.train(store, cache, subset, exp, train.options(store, train.seed),
          new DistillationLoss.Options(temperature, hardWeight, maxGradNorm != null ? maxGradNorm
              : DistillationLoss.Options.defaultMaxGradNorm(hardWeight)), this::log);
    }
    return 0;
  }
}
