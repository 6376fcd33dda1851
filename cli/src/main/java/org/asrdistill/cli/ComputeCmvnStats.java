package org.asrdistill.cli;

import java.util.List;
import org.asrdistill.frontend.cmvn.Cmvn;
import org.asrdistill.kaldiio.io.KaldiOutput;
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

@Command(name = "compute-cmvn-stats",
    header = "Compute cepstral mean and variance normalization statistics (per utterance, per speaker with "
        + "--spk2utt, or global when the output is a filename).",
    customSynopsis = "Usage: compute-cmvn-stats [options] <feats-rspecifier> (<stats-wspecifier>|<stats-wxfilename>)",
    footer = {"e.g.: compute-cmvn-stats --spk2utt=ark:data/train/spk2utt scp:data/train/feats.scp "
        + "ark,scp:cmvn.ark,cmvn.scp",
        "  or: compute-cmvn-stats scp:data/train/feats.scp global_cmvn.stats",
        "See also: apply-cmvn, apply-cmvn-sliding, compute-fbank-feats"})
public final class ComputeCmvnStats extends KaldiTool {
  @Option(names = "--spk2utt", paramLabel = "<rspecifier>", description = "rspecifier for speaker to "
      + "utterance-list map")
  String spk2utt;

  @Option(names = "--binary", arity = "0..1", fallbackValue = "true",
      description = "write in binary mode (applies only to global CMN/CVN). Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Option(names = "--weights", paramLabel = "<rspecifier>", description = "rspecifier for a vector of floats "
      + "for each utterance, that's a per-frame weight.")
  String weightsRspecifier;

  @Parameters(index = "0", paramLabel = "<feats-rspecifier>")
  String feats;

  @Parameters(index = "1", paramLabel = "<stats-out>")
  String out;

  private long done;
  private long errors;

  @Override
  protected int run() throws Exception {
    try (RandomAccessTableReader<float[]> weights = weightsRspecifier == null ? null
        : RandomAccessTableReader.open(weightsRspecifier, Holders.FLOAT_VECTOR)) {
      if (spk2utt != null) {
        perSpeaker(weights);
      } else if (Rspecifier.isRspecifier(out)) {
        perUtterance(weights);
      } else {
        global(weights);
      }
    }
    log("Done accumulating CMVN stats for " + done + (spk2utt != null ? " speakers" : " utterances") + "; "
        + errors + " had errors.");
    return done != 0 ? 0 : 1;
  }

  private void perSpeaker(RandomAccessTableReader<float[]> weights) throws Exception {
    try (SequentialTableReader<List<String>> spk = SequentialTableReader.open(spk2utt, Holders.TOKEN_VECTOR);
         RandomAccessTableReader<FloatMatrix> reader = RandomAccessTableReader.open(feats, Holders.FLOAT_MATRIX);
         TableWriter<DoubleMatrix> writer = TableWriter.open(out, Holders.DOUBLE_MATRIX)) {
      while (spk.next()) {
        DoubleMatrix stats = null;
        for (String utt : spk.value()) {
          if (!reader.hasKey(utt)) {
            warn("Did not find features for utterance " + utt);
            errors++;
            continue;
          }
          FloatMatrix m = reader.value(utt);
          stats = stats == null ? Cmvn.newStats(m.cols()) : stats;
          if (!accumulate(stats, utt, m, weights)) {
            errors++;
          }
        }
        if (stats == null) {
          warn("No stats accumulated for speaker " + spk.key());
          continue;
        }
        writer.write(spk.key(), stats);
        done++;
      }
      writer.commit();
    }
  }

  private void perUtterance(RandomAccessTableReader<float[]> weights) throws Exception {
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX);
         TableWriter<DoubleMatrix> writer = TableWriter.open(out, Holders.DOUBLE_MATRIX)) {
      while (reader.next()) {
        FloatMatrix m = reader.value();
        DoubleMatrix stats = Cmvn.newStats(Math.max(1, m.cols()));
        if (!accumulate(stats, reader.key(), m, weights)) {
          errors++;
          continue;
        }
        writer.write(reader.key(), stats);
        done++;
      }
      writer.commit();
    }
  }

  private void global(RandomAccessTableReader<float[]> weights) throws Exception {
    DoubleMatrix stats = null;
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX)) {
      while (reader.next()) {
        FloatMatrix m = reader.value();
        stats = stats == null ? Cmvn.newStats(Math.max(1, m.cols())) : stats;
        if (accumulate(stats, reader.key(), m, weights)) {
          done++;
        } else {
          errors++;
        }
      }
    }
    if (stats == null) {
      throw new IllegalArgumentException("no features in " + feats + ": cannot write global CMVN stats");
    }
    try (KaldiOutput o = Xfilenames.openOutput(out)) {
      Holders.DOUBLE_MATRIX.write(o, stats, binary);
      o.commit();
    }
    log("Wrote global CMVN stats to " + out);
  }

  private boolean accumulate(DoubleMatrix stats, String utt, FloatMatrix m, RandomAccessTableReader<float[]> w)
      throws Exception {
    if (m.cols() != stats.cols() - 1) {
      warn("Feature dimension " + m.cols() + " of " + utt + " differs from " + (stats.cols() - 1) + "; skipping");
      return false;
    }
    float[] weights = null;
    if (w != null) {
      if (!w.hasKey(utt)) {
        warn("No weights available for utterance " + utt);
        return false;
      }
      weights = w.value(utt);
      if (weights.length != m.rows()) {
        warn("Weights for utterance " + utt + " have wrong dimension " + weights.length + " vs. " + m.rows());
        return false;
      }
    }
    Cmvn.accumulate(stats, m, weights);
    return true;
  }
}
