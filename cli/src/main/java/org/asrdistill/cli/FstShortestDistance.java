package org.asrdistill.cli;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.io.WeightFormat;
import org.asrdistill.fst.ops.ShortestDistance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstshortestdistance",
    header = "Prints the shortest distance from the start (or, --reverse, to the final states) of every state.",
    customSynopsis = "Usage: fstshortestdistance [--reverse] [--delta=D] [in.fst [distance.txt]]",
    footer = {"e.g.: fstshortestdistance --reverse G.fst dist.txt", "See also: fstshortestpath, fstpush"})
public final class FstShortestDistance extends KaldiTool {
  @Option(names = "--reverse", arity = "0..1", fallbackValue = "true",
      description = "Distances to the final states. Default: ${DEFAULT-VALUE}")
  boolean reverse;

  @Option(names = "--delta", description = "Convergence delta. Default: ${DEFAULT-VALUE}")
  double delta = Semiring.DEFAULT_DELTA;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "distance.txt")
  String out;

  @Override
  protected int run() throws Exception {
    Fst fst = FstFiles.read(in);
    double[] d = reverse ? ShortestDistance.reverse(fst, delta) : ShortestDistance.forward(fst, delta);
    try (FstFiles.TextOut o = new FstFiles.TextOut(out)) {
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < d.length; s++) {
        sb.append(s).append('\t').append(WeightFormat.format((float) d[s])).append('\n');
      }
      o.writer.write(sb.toString());
      o.commit();
    }
    return 0;
  }
}
