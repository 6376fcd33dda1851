package org.asrdistill.cli;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.ops.Determinize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstdeterminize",
    header = "Determinizes a weighted acceptor or functional transducer (OpenFst's fstdeterminize).",
    customSynopsis = "Usage: fstdeterminize [--delta=D] [--max_work=N] [--nstate=N] [in.fst [out.fst]]",
    footer = {"e.g.: fstdeterminize LG.fst det_LG.fst", "See also: fstminimize, fstrmepsilon"})
public final class FstDeterminize extends KaldiTool {
  @Option(names = "--delta", description = "Weight quantisation delta. Default: ${DEFAULT-VALUE}")
  double delta = Determinize.Options.defaults().delta();

  @Option(names = "--max_work", description = "Fail after examining this many arcs. Default: ${DEFAULT-VALUE}")
  long maxWork = Determinize.Options.defaults().maxWork();

  @Option(names = "--nstate", description = "Fail after creating this many states (-1: default budget). "
      + "Default: ${DEFAULT-VALUE}")
  int nstate = -1;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    Fst fst = FstFiles.read(in);
    int maxStates = nstate > 0 ? nstate : Determinize.Options.defaults().maxStates();
    Fst det = Determinize.determinize(fst, new Determinize.Options(delta, maxWork, maxStates));
    FstFiles.write(det, out, "vector");
    return 0;
  }
}
