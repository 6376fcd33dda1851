package org.asrdistill.cli;

import java.util.List;
import org.asrdistill.acoustic.tree.TreeStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sum-tree-stats",
    header = "Sum statistics for phonetic-context tree building.",
    customSynopsis = "Usage: sum-tree-stats [options] <stats-out> <stats-in1> <stats-in2> ...",
    footer = {"e.g.: sum-tree-stats treeacc 1.treeacc 2.treeacc", "See also: acc-tree-stats, build-tree"})
public final class SumTreeStats extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Parameters(index = "0", paramLabel = "<stats-out>")
  String out;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<stats-in>")
  List<String> in;

  @Override
  protected int run() throws Exception {
    TreeStats sum = new TreeStats();
    for (String f : in) {
      sum.addAll(TreeStats.readFile(f));
    }
    sum.writeFile(out, binary);
    log("Wrote summed accs (" + sum.size() + " separate stats)");
    return 0;
  }
}
