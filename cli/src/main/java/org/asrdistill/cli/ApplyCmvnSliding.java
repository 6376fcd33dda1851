package org.asrdistill.cli;

import org.asrdistill.frontend.cmvn.SlidingCmn;
import org.asrdistill.frontend.cmvn.SlidingCmnOptions;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply-cmvn-sliding",
    header = "Apply sliding-window cepstral mean (and optionally variance) normalization per utterance.",
    customSynopsis = "Usage: apply-cmvn-sliding [options] <feats-rspecifier> <feats-wspecifier>",
    footer = {"e.g.: apply-cmvn-sliding --cmn-window=300 --center=true scp:data/train/feats.scp ark:-",
        "See also: apply-cmvn, compute-cmvn-stats"})
public final class ApplyCmvnSliding extends KaldiTool {
  @Option(names = "--cmn-window", description = "Window in frames for running average CMN computation. "
      + "Default: ${DEFAULT-VALUE}")
  int cmnWindow = 600;

  @Option(names = "--min-cmn-window", description = "Minimum CMN window used at start of decoding (adds "
      + "latency only at start). Only applicable if center == false, ignored if center==true. "
      + "Default: ${DEFAULT-VALUE}")
  int minWindow = 100;

  @Option(names = "--max-warnings", description = "Maximum warnings to report per utterance. 0 to disable, "
      + "-1 to show all. Default: ${DEFAULT-VALUE}")
  int maxWarnings = 5;

  @Option(names = "--norm-vars", arity = "0..1", fallbackValue = "true",
      description = "If true, normalize variance to one. Default: ${DEFAULT-VALUE}")
  boolean normVars;

  @Option(names = "--center", arity = "0..1", fallbackValue = "true",
      description = "If true, use a window centered on the current frame (to the extent possible, modulo "
          + "end effects). If false, window is to the left. Default: ${DEFAULT-VALUE}")
  boolean center;

  @Parameters(index = "0", paramLabel = "<feats-rspecifier>")
  String feats;

  @Parameters(index = "1", paramLabel = "<feats-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    SlidingCmnOptions opts = new SlidingCmnOptions(cmnWindow, minWindow, maxWarnings, normVars, center);
    long done = 0;
    long errors = 0;
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX);
         TableWriter<FloatMatrix> writer = TableWriter.open(out, Holders.FLOAT_MATRIX)) {
      while (reader.next()) {
        FloatMatrix m = reader.value();
        if (m.rows() == 0) {
          warn("Empty feature matrix for utterance " + reader.key());
          errors++;
          continue;
        }
        writer.write(reader.key(), SlidingCmn.apply(opts, m, this::warn));
        done++;
      }
      writer.commit();
    }
    log("Applied sliding-window cepstral mean normalization to " + done + " utterances, " + errors + " had errors.");
    return done != 0 ? 0 : 1;
  }
}
