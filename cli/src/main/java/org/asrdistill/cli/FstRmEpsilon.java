package org.asrdistill.cli;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.ops.RmEpsilon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstrmepsilon",
    header = "Removes epsilon:epsilon arcs (OpenFst's fstrmepsilon); the result is trimmed.",
    customSynopsis = "Usage: fstrmepsilon [--delta=D] [in.fst [out.fst]]",
    footer = {"e.g.: fstrmepsilon G.fst G_noeps.fst", "See also: fstdeterminize"})
public final class FstRmEpsilon extends KaldiTool {
  @Option(names = "--delta", description = "Convergence delta on epsilon cycles. Default: ${DEFAULT-VALUE}")
  double delta = Semiring.DEFAULT_DELTA;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    Fst fst = FstFiles.read(in);
    FstFiles.write(RmEpsilon.rmEpsilon(fst, delta), out, "vector");
    return 0;
  }
}
