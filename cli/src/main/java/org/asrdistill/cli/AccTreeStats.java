package org.asrdistill.cli;

import org.asrdistill.acoustic.gmm.AlignedUtterances;
import org.asrdistill.acoustic.tree.TreeStats;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "acc-tree-stats",
    header = "Accumulate statistics for phonetic-context tree building.",
    customSynopsis = "Usage: acc-tree-stats [options] <model-in> <features-rspecifier> <alignments-rspecifier> <tree-accs-out>",
    footer = {"e.g.: acc-tree-stats --ci-phones=1:2:3 1.mdl scp:train.scp ark:1.ali 1.tacc",
        "See also: sum-tree-stats, cluster-phones, build-tree"})
public final class AccTreeStats extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;
  @Option(names = "--var-floor", description = "Variance floor for tree clustering. Default: ${DEFAULT-VALUE}")
  double varFloor = 0.01;
  @Option(names = "--ci-phones", description = "Colon-separated list of context-independent phones.")
  String ciPhones = "";
  @Option(names = "--context-width", description = "Context window size. Default: ${DEFAULT-VALUE}")
  int contextWidth = 3;
  @Option(names = "--central-position", description = "Central context-window position (zero-based). Default: ${DEFAULT-VALUE}")
  int centralPosition = 1;
  @Option(names = "--num-threads", description = "Number of accumulation threads. Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String modelIn;
  @Parameters(index = "1", paramLabel = "<features-rspecifier>")
  String featsIn;
  @Parameters(index = "2", paramLabel = "<alignments-rspecifier>")
  String aliIn;
  @Parameters(index = "3", paramLabel = "<tree-accs-out>")
  String out;

  static int[] colonList(String s) {
    return s.isEmpty() ? new int[0] : java.util.Arrays.stream(s.split(":")).mapToInt(Integer::parseInt).toArray();
  }

  @Override
  protected int run() throws Exception {
    TransitionModel tm = TransitionModel.readFile(modelIn);
    TreeStats.AccOptions opts = new TreeStats.AccOptions(varFloor, contextWidth, centralPosition, colonList(ciPhones));
    int[] bad = {0};
    AlignedUtterances.Summary<TreeStats> s;
    try (SequentialTableReader<FloatMatrix> feats = SequentialTableReader.open(featsIn, Holders.FLOAT_MATRIX);
         RandomAccessTableReader<int[]> alis = RandomAccessTableReader.open(aliIn, Holders.INT32_VECTOR)) {
      s = AlignedUtterances.run(feats, alis, numThreads, TreeStats::new, (acc, key, m, ali) -> {
        if (!acc.accumulate(tm, opts, ali, m)) {
          warn("Alignment of utterance " + key + " appears to be bad, not using it");
          synchronized (bad) {
            bad[0]++;
          }
        }
      }, this::warn);
    }
    TreeStats total = s.accumulators().get(0);
    for (int i = 1; i < s.accumulators().size(); i++) {
      total.addAll(s.accumulators().get(i));
    }
    total.writeFile(out, binary);
    log("Accumulated stats for " + (s.done() - bad[0]) + " files, " + s.noAlignment() + " failed due to no alignment, "
        + (s.otherErrors() + bad[0]) + " failed for other reasons.");
    log("Number of separate stats (context-dependent states) is " + total.size());
    return s.done() > bad[0] ? 0 : 1;
  }
}
