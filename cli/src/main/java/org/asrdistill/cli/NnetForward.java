package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nnet-forward",
    header = "Run a DNN over features: write log-likelihoods (log posterior - prior-scale x log prior) or posteriors.",
    customSynopsis = "Usage: nnet-forward [options] <model-dir> <features-rspecifier> <output-wspecifier>",
    footer = {"Features as in training (normalised fbank); splicing is done here, as model.json says.",
        "Default output: scaled log-likelihoods for decode-faster-mapped / latgen-faster-mapped.",
        "e.g.: nnet-forward exp/dnn 'ark:apply-cmvn --utt2spk=ark:utt2spk scp:cmvn.scp scp:feats.scp ark:- |' "
            + "ark:loglikes.ark",
        "See also: decode, decode-faster-mapped, train-dnn"})
public final class NnetForward extends KaldiTool {
  @Option(names = "--prior-scale", description = "Scale of the log priors subtracted (0: log posteriors). "
      + "Default: ${DEFAULT-VALUE}")
  float priorScale = 1.0f;

  @Option(names = "--no-log", arity = "0..1", fallbackValue = "true",
      description = "Write posteriors (exp of the log posteriors; implies --prior-scale=0). Default: ${DEFAULT-VALUE}")
  boolean noLog = false;

  @Parameters(index = "0", paramLabel = "<model-dir>")
  Path modelDir;

  @Parameters(index = "1", paramLabel = "<features-rspecifier>")
  String feats;

  @Parameters(index = "2", paramLabel = "<output-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    ModelDir m = ModelDir.read(modelDir, 512);
    int done = 0;
    long frames = 0;
    long t0 = System.nanoTime();
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX);
         TableWriter<FloatMatrix> w = TableWriter.open(out, Holders.FLOAT_MATRIX)) {
      while (r.next()) {
        FloatMatrix ll = m.logLikelihoods(r.value(), noLog ? 0f : priorScale);
        if (noLog) {
          float[] d = ll.data();
          for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.exp(d[i]);
          }
        }
        w.write(r.key(), ll);
        done++;
        frames += ll.rows();
      }
      w.commit();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    log(String.format(java.util.Locale.ROOT, "Done %d utterances, %d frames in %.1f s (%.0f frames/s).", done, frames,
        s, frames / Math.max(1e-9, s)));
    return done > 0 ? 0 : 1;
  }
}
