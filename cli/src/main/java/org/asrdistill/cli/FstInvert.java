package org.asrdistill.cli;

import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "fstinvert",
    header = "Inverts a transduction: swaps input and output labels (OpenFst's fstinvert).",
    customSynopsis = "Usage: fstinvert [in.fst [out.fst]]",
    footer = {"e.g.: fstinvert L.fst L_inv.fst", "See also: fstproject"})
public final class FstInvert extends KaldiTool {
  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    VectorFst fst = VectorFst.copyOf(FstFiles.read(in));
    Labels.invert(fst);
    FstFiles.write(fst, out, "vector");
    return 0;
  }
}
