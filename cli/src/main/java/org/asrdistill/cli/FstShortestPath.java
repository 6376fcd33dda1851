package org.asrdistill.cli;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.ops.ShortestPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstshortestpath",
    header = "Writes the n lowest-weight paths as an FST (OpenFst's fstshortestpath; tropical semiring).",
    customSynopsis = "Usage: fstshortestpath [--nshortest=N] [--delta=D] [in.fst [out.fst]]",
    footer = {"e.g.: fstshortestpath --nshortest=10 lat.fst nbest.fst", "See also: fstshortestdistance"})
public final class FstShortestPath extends KaldiTool {
  @Option(names = "--nshortest", description = "Number of paths. Default: ${DEFAULT-VALUE}")
  int nshortest = 1;

  @Option(names = "--delta", description = "Convergence delta. Default: ${DEFAULT-VALUE}")
  double delta = Semiring.DEFAULT_DELTA;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    Fst fst = FstFiles.read(in);
    FstFiles.write(ShortestPath.nShortest(fst, nshortest, delta), out, "vector");
    return 0;
  }
}
