package org.asrdistill.cli;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.ops.Compose;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstcompose",
    header = "Composes two FSTs with the epsilon-sequencing filter (OpenFst's fstcompose).",
    customSynopsis = "Usage: fstcompose [--connect] in1.fst in2.fst [out.fst]",
    footer = {"e.g.: fstcompose L.fst G.fst LG.fst", "See also: fstarcsort, fstdeterminize"})
public final class FstCompose extends KaldiTool {
  @Option(names = "--connect", arity = "0..1", fallbackValue = "true",
      description = "Trim the output. Default: ${DEFAULT-VALUE}")
  boolean connect = true;

  @Option(names = "--compose_filter", description = "Only 'auto' and 'sequence' are supported. Default: ${DEFAULT-VALUE}")
  String filter = "auto";

  @Parameters(index = "0", paramLabel = "in1.fst")
  String in1;

  @Parameters(index = "1", paramLabel = "in2.fst")
  String in2;

  @Parameters(index = "2", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    if (!filter.equals("auto") && !filter.equals("sequence")) {
      throw new IllegalArgumentException("--compose_filter must be auto or sequence; got: " + filter);
    }
    if (FstFiles.isStd(in1) && FstFiles.isStd(in2)) {
      throw new IllegalArgumentException("at most one of in1.fst and in2.fst may be standard input");
    }
    Fst a = FstFiles.read(in1);
    Fst b = FstFiles.read(in2);
    Fst c = Compose.compose(a, b, new Compose.Options(connect));
    FstFiles.write(c, out, "vector");
    log("Composed FST has " + c.numStates() + " states and " + c.totalArcs() + " arcs.");
    return 0;
  }
}
