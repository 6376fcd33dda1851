package org.asrdistill.cli;

import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.Connect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "fstconnect",
    header = "Removes states and arcs that are not on successful paths (OpenFst's fstconnect).",
    customSynopsis = "Usage: fstconnect [in.fst [out.fst]]",
    footer = {"e.g.: fstconnect in.fst out.fst", "See also: fstinfo, fstrmepsilon"})
public final class FstConnect extends KaldiTool {
  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    VectorFst fst = VectorFst.copyOf(FstFiles.read(in));
    Connect.connect(fst);
    FstFiles.write(fst, out, "vector");
    return 0;
  }
}
