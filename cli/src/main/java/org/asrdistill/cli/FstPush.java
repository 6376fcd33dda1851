package org.asrdistill.cli;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.ops.Push;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstpush",
    header = "Pushes weights towards the initial or final states (OpenFst's fstpush; label pushing is not supported).",
    customSynopsis = "Usage: fstpush [--push_weights] [--to_final] [--remove_total_weight] [--delta=D] [in.fst [out.fst]]",
    footer = {"e.g.: fstpush --push_weights G.fst G_pushed.fst", "See also: fstminimize"})
public final class FstPush extends KaldiTool {
  @Option(names = "--push_weights", arity = "0..1", fallbackValue = "true", description = "Push weights. "
      + "Default: ${DEFAULT-VALUE}")
  boolean pushWeights;

  @Option(names = "--push_labels", arity = "0..1", fallbackValue = "true", description = "Not supported.")
  boolean pushLabels;

  @Option(names = "--to_final", arity = "0..1", fallbackValue = "true", description = "Push towards the final "
      + "states. Default: ${DEFAULT-VALUE}")
  boolean toFinal;

  @Option(names = "--remove_total_weight", arity = "0..1", fallbackValue = "true",
      description = "Remove the total weight. Default: ${DEFAULT-VALUE}")
  boolean removeTotalWeight;

  @Option(names = "--delta", description = "Convergence delta. Default: ${DEFAULT-VALUE}")
  double delta = Semiring.DEFAULT_DELTA;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    if (pushLabels) {
      throw new IllegalArgumentException("--push_labels is not supported");
    }
    Fst fst = FstFiles.read(in);
    Fst result = pushWeights ? Push.pushWeights(fst, toFinal, removeTotalWeight, delta) : fst;
    FstFiles.write(result, out, "vector");
    return 0;
  }
}
