package org.asrdistill.cli;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.ops.Minimize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstminimize",
    header = "Minimizes a deterministic weighted acceptor or transducer (OpenFst's fstminimize).",
    customSynopsis = "Usage: fstminimize [--delta=D] [in.fst [out.fst]]",
    footer = {"e.g.: fstminimize det_LG.fst min_LG.fst", "See also: fstdeterminize, fstpush"})
public final class FstMinimize extends KaldiTool {
  @Option(names = "--delta", description = "Weight quantisation delta. Default: ${DEFAULT-VALUE}")
  double delta = Semiring.DEFAULT_DELTA;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    Fst fst = FstFiles.read(in);
    FstFiles.write(Minimize.minimize(fst, delta), out, "vector");
    return 0;
  }
}
