package org.asrdistill.cli;

import java.util.List;
import org.asrdistill.frontend.cmvn.Cmvn;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.Rspecifier;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply-cmvn",
    header = "Apply cepstral mean and (optionally) variance normalization, per utterance, per speaker "
        + "(--utt2spk) or global (stats from a file).",
    customSynopsis = "Usage: apply-cmvn [options] (<cmvn-stats-rspecifier>|<cmvn-stats-rxfilename>) "
        + "<feats-rspecifier> <feats-wspecifier>",
    footer = {"e.g.: apply-cmvn --utt2spk=ark:data/train/utt2spk scp:data/train/cmvn.scp "
        + "scp:data/train/feats.scp ark:-",
        "See also: compute-cmvn-stats, apply-cmvn-sliding, splice-feats"})
public final class ApplyCmvn extends KaldiTool {
  @Option(names = "--utt2spk", paramLabel = "<rspecifier>", description = "rspecifier for utterance to speaker "
      + "map")
  String utt2spk;

  @Option(names = "--norm-vars", arity = "0..1", fallbackValue = "true",
      description = "If true, normalize variances. Default: ${DEFAULT-VALUE}")
  boolean normVars;

  @Option(names = "--norm-means", arity = "0..1", fallbackValue = "true",
      description = "You can set this to false to turn off mean normalization (only with --norm-vars=false, "
          + "when the features are just copied). Default: ${DEFAULT-VALUE}")
  boolean normMeans = true;

  @Parameters(index = "0", paramLabel = "<cmvn-stats>")
  String cmvn;

  @Parameters(index = "1", paramLabel = "<feats-rspecifier>")
  String feats;

  @Parameters(index = "2", paramLabel = "<feats-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    if (normVars && !normMeans) {
      throw new IllegalArgumentException("you cannot normalize the variance but not the mean "
          + "(--norm-vars=true --norm-means=false)");
    }
    long done = 0;
    long errors = 0;
    boolean perKey = Rspecifier.isRspecifier(cmvn);
    DoubleMatrix global = null;
    if (!perKey) {
      if (utt2spk != null) {
        throw new IllegalArgumentException("--utt2spk is only allowed with per-speaker stats (an rspecifier)");
      }
      try (KaldiInput in = Xfilenames.openInput(cmvn)) {
        global = Holders.DOUBLE_MATRIX.read(in);
      }
    }
    try (RandomAccessTableReader<DoubleMatrix> stats = perKey && normMeans
             ? RandomAccessTableReader.open(cmvn, Holders.DOUBLE_MATRIX) : null;
         RandomAccessTableReader<List<String>> spk = utt2spk == null ? null
             : RandomAccessTableReader.open(utt2spk, Holders.TOKEN_VECTOR);
         SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX);
         TableWriter<FloatMatrix> writer = TableWriter.open(out, Holders.FLOAT_MATRIX)) {
      while (reader.next()) {
        String utt = reader.key();
        FloatMatrix m = reader.value();
        if (normMeans) {
          DoubleMatrix s = global;
          if (stats != null) {
            String key = utt;
            if (spk != null) {
              key = spk.hasKey(utt) && !spk.value(utt).isEmpty() ? spk.value(utt).get(0) : null;
            }
            if (key == null || !stats.hasKey(key)) {
              warn("No normalization statistics available for key " + (key == null ? utt : key)
                  + ", producing no output for this utterance");
              errors++;
              continue;
            }
            s = stats.value(key);
          }
          Cmvn.apply(s, normVars, m, this::warn);
        }
        writer.write(utt, m);
        done++;
      }
      writer.commit();
    }
    log("Applied cepstral mean " + (normVars ? "and variance " : "") + "normalization to " + done
        + " utterances, errors on " + errors);
    return done != 0 ? 0 : 1;
  }
}
