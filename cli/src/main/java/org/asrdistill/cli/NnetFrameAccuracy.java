package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.ensemble.Ensemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nnet-frame-accuracy",
    header = "Frame accuracy of DNNs on a frame store (e.g. of the test set): each model's, and with several models "
        + "the ensemble's.",
    customSynopsis = "Usage: nnet-frame-accuracy [options] <frame-store> <model-dir>...",
    footer = {"Prints one line per model and, for several, 'ensemble frame_accuracy=...'.",
        "e.g.: nnet-frame-accuracy --combine=geometric test.fst exp/ensemble/member-{1..10}",
        "See also: train-ensemble, frame-accuracy, decode"})
public final class NnetFrameAccuracy extends KaldiTool {
  @Option(names = "--combine", description = "arithmetic or geometric mean of posteriors. Default: ${DEFAULT-VALUE}")
  String combine = "arithmetic";

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<model-dir>")
  List<Path> models;

  @Override
  protected int run() throws Exception {
    Ensemble.Combination c = Ensemble.Combination.valueOf(combine.toUpperCase(Locale.ROOT));
    try (FrameStore store = FrameStore.open(storeFile)) {
      Ensemble all = Ensemble.read(models, c, 512);
      for (int i = 0; i < models.size(); i++) {
        double a = new Ensemble(List.of(all.members().get(i)), c).frameAccuracy(store, store.utts());
        System.out.printf(Locale.ROOT, "%s frame_accuracy=%.4f%n", models.get(i), 100 * a);
      }
      if (models.size() > 1) {
        System.out.printf(Locale.ROOT, "ensemble(%s, %d members) frame_accuracy=%.4f%n", combine, models.size(),
            100 * all.frameAccuracy(store, store.utts()));
      }
    }
    return 0;
  }
}
