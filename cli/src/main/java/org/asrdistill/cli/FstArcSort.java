package org.asrdistill.cli;

import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.ArcSort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstarcsort",
    header = "Sorts each state's arcs by input or output label (OpenFst's fstarcsort).",
    customSynopsis = "Usage: fstarcsort [--sort_type=ilabel|olabel] [in.fst [out.fst]]",
    footer = {"e.g.: fstarcsort --sort_type=olabel L.fst L_sorted.fst", "See also: fstcompose"})
public final class FstArcSort extends KaldiTool {
  @Option(names = "--sort_type", description = "ilabel or olabel. Default: ${DEFAULT-VALUE}")
  String sortType = "ilabel";

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    if (!sortType.equals("ilabel") && !sortType.equals("olabel")) {
      throw new IllegalArgumentException("--sort_type must be ilabel or olabel; got: " + sortType);
    }
    VectorFst fst = VectorFst.copyOf(FstFiles.read(in));
    if (sortType.equals("ilabel")) {
      ArcSort.byInput(fst);
    } else {
      ArcSort.byOutput(fst);
    }
    FstFiles.write(fst, out, "vector");
    return 0;
  }
}
