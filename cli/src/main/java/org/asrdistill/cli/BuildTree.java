package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.acoustic.tree.Questions;
import org.asrdistill.acoustic.tree.TreeBuilder;
import org.asrdistill.acoustic.tree.TreeStats;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.tree.ContextDependency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build-tree",
    header = "Train a phonetic decision tree from tree statistics.",
    customSynopsis = "Usage: build-tree [options] <tree-stats-in> <roots-file> <questions-file> <topo-file> <tree-out>",
    footer = {"e.g.: build-tree --max-leaves=2000 treeacc roots.int questions.qst topo tree",
        "See also: acc-tree-stats, cluster-phones, compile-questions, gmm-init-model"})
public final class BuildTree extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;
  @Option(names = "--context-width", description = "Context window size [must match acc-tree-stats]. Default: ${DEFAULT-VALUE}")
  int contextWidth = 3;
  @Option(names = "--central-position", description = "Central position in context window. Default: ${DEFAULT-VALUE}")
  int centralPosition = 1;
  @Option(names = {"--max-leaves", "--num-leaves"}, description = "Maximum number of leaves (if positive). Default: ${DEFAULT-VALUE}")
  int maxLeaves = 0;
  @Option(names = "--thresh", description = "Log-likelihood change threshold for splitting. Default: ${DEFAULT-VALUE}")
  double thresh = 300.0;
  @Option(names = "--cluster-thresh", description = "Threshold for clustering after splitting; 0: none, -1: the smallest split. Default: ${DEFAULT-VALUE}")
  double clusterThresh = -1.0;
  @Option(names = "--round-num-leaves", arity = "0..1", fallbackValue = "true", description = "Reduce the number of leaves to a multiple of 8. Default: ${DEFAULT-VALUE}")
  boolean roundNumLeaves = true;
  @Option(names = "--min-count", description = "Minimum frames on each side of a split (not in Kaldi). Default: ${DEFAULT-VALUE}")
  double minCount = 0.0;

  @Parameters(index = "0", paramLabel = "<tree-stats-in>")
  String statsIn;
  @Parameters(index = "1", paramLabel = "<roots-file>")
  String rootsIn;
  @Parameters(index = "2", paramLabel = "<questions-file>")
  String questionsIn;
  @Parameters(index = "3", paramLabel = "<topo-file>")
  String topoIn;
  @Parameters(index = "4", paramLabel = "<tree-out>")
  String out;

  @Override
  protected int run() throws Exception {
    TreeStats stats = TreeStats.readFile(statsIn);
    log("Number of separate statistics is " + stats.size());
    HmmTopology topo = KaldiObjects.readFile(topoIn, HmmTopology::read);
    TreeBuilder.Result r = TreeBuilder.build(Questions.readFile(questionsIn), TreeBuilder.readRoots(rootsIn),
        topo.phoneToNumPdfClasses(), stats,
        new TreeBuilder.Options(thresh, maxLeaves, clusterThresh, roundNumLeaves, minCount), centralPosition);
    log(String.format(Locale.ROOT, "Split %d times; like-impr = %.6g per frame over %.0f frames (%.0f in split "
        + "phones); smallest split %.6g; clustering removed %d leaves; num-leaves is %d.", r.numSplits(),
        r.splitGain() / r.totalCount(), r.totalCount(), r.splitCount(), r.smallestSplit(), r.removedByClustering(),
        r.numLeaves()));
    new ContextDependency(contextWidth, centralPosition, r.toPdf()).writeFile(out, binary);
    log("Wrote tree");
    return 0;
  }
}
