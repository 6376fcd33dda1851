package org.asrdistill.cli;

import java.util.List;
import org.asrdistill.acoustic.tree.IntSetsFile;
import org.asrdistill.acoustic.tree.PhoneQuestions;
import org.asrdistill.acoustic.tree.TreeStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cluster-phones",
    header = "Cluster phones (or sets of phones) into sets suitable as decision-tree questions.",
    customSynopsis = "Usage: cluster-phones [options] <tree-stats-in> <phone-sets-in> <clustered-phones-out>",
    footer = {"e.g.: cluster-phones --pdf-class-list=1 treeacc phones/sets.int questions.int",
        "See also: compile-questions, build-tree"})
public final class ClusterPhones extends KaldiTool {
  @Option(names = "--central-position", description = "Central position in context window [must match acc-tree-stats]. Default: ${DEFAULT-VALUE}")
  int centralPosition = 1;
  @Option(names = "--context-width", description = "Has no effect; for scripting convenience. Default: ${DEFAULT-VALUE}")
  int contextWidth = 3;
  @Option(names = "--pdf-class-list", description = "Colon-separated list of HMM positions to consider. Default: ${DEFAULT-VALUE}")
  String pdfClassList = "1";
  @Option(names = "--mode", description = "Mode of operation: only \"questions\" is supported. Default: ${DEFAULT-VALUE}")
  String mode = "questions";

  @Parameters(index = "0", paramLabel = "<tree-stats-in>")
  String statsIn;
  @Parameters(index = "1", paramLabel = "<phone-sets-in>")
  String setsIn;
  @Parameters(index = "2", paramLabel = "<clustered-phones-out>")
  String out;

  @Override
  protected int run() throws Exception {
    if (!mode.equals("questions")) {
      throw new IllegalArgumentException("--mode must be \"questions\"; got: " + mode);
    }
    int[] classes = AccTreeStats.colonList(pdfClassList);
    if (classes.length == 0) {
      throw new IllegalArgumentException("--pdf-class-list must be non-empty");
    }
    TreeStats stats = TreeStats.readFile(statsIn);
    List<int[]> sets = IntSetsFile.read(setsIn);
    List<int[]> q = PhoneQuestions.obtain(stats, sets, classes, centralPosition, this::warn);
    IntSetsFile.write(out, q);
    log("Wrote " + q.size() + " questions to " + out);
    return 0;
  }
}
