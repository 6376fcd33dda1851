package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.acoustic.gmm.AlignedUtterances;
import org.asrdistill.acoustic.gmm.DiagGmmAccs;
import org.asrdistill.acoustic.gmm.GmmAccs;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-acc-stats-ali",
    header = "Accumulate stats for GMM training from transition-id alignments.",
    customSynopsis = "Usage: gmm-acc-stats-ali [options] <model-in> <feature-rspecifier> <alignments-rspecifier> <stats-out>",
    footer = {"e.g.: gmm-acc-stats-ali 1.mdl scp:train.scp ark:1.ali 1.acc", "See also: gmm-est, gmm-sum-accs"})
public final class GmmAccStatsAli extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Option(names = "--num-threads", description = "Number of accumulation threads. Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String modelIn;

  @Parameters(index = "1", paramLabel = "<feature-rspecifier>")
  String featsIn;

  @Parameters(index = "2", paramLabel = "<alignments-rspecifier>")
  String aliIn;

  @Parameters(index = "3", paramLabel = "<stats-out>")
  String statsOut;

  @Override
  protected int run() throws Exception {
    GmmModel model = GmmModel.readFile(modelIn);
    AlignedUtterances.Summary<GmmAccs> s;
    try (SequentialTableReader<FloatMatrix> feats = SequentialTableReader.open(featsIn, Holders.FLOAT_MATRIX);
         RandomAccessTableReader<int[]> alis = RandomAccessTableReader.open(aliIn, Holders.INT32_VECTOR)) {
      s = AlignedUtterances.run(feats, alis, numThreads, () -> GmmAccs.zeros(model, DiagGmmAccs.ALL),
          (acc, key, m, ali) -> acc.accumulateAlignment(model, m, ali), this::warn);
    }
    GmmAccs total = s.accumulators().get(0);
    for (int i = 1; i < s.accumulators().size(); i++) {
      total.add(1.0, s.accumulators().get(i));
    }
    log("Done " + s.done() + " files, " + (s.noAlignment() + s.otherErrors()) + " with errors ("
        + s.noAlignment() + " without alignment).");
    log(String.format(Locale.ROOT, "Overall avg like per frame (Gaussian only) = %.6g over %.0f frames.",
        total.totalLogLike() / total.totalFrames(), total.totalFrames()));
    total.writeFile(statsOut, binary);
    log("Written accs.");
    return s.done() > 0 ? 0 : 1;
  }
}
