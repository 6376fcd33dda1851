package org.asrdistill.cli;

import org.asrdistill.frontend.splice.DeltaOptions;
import org.asrdistill.frontend.splice.Deltas;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add-deltas",
    header = "Add deltas (typically to raw mfcc or plp features).",
    customSynopsis = "Usage: add-deltas [options] <in-rspecifier> <out-wspecifier>",
    footer = {"e.g.: add-deltas --delta-order=2 scp:feats.scp ark:-",
        "See also: splice-feats, apply-cmvn"})
public final class AddDeltas extends KaldiTool {
  @Option(names = "--delta-order", description = "Order of delta computation. Default: ${DEFAULT-VALUE}")
  int order = 2;

  @Option(names = "--delta-window", description = "Parameter controlling window for delta computation (actual "
      + "window size for each delta order is 1 + 2*delta-window-size). Default: ${DEFAULT-VALUE}")
  int window = 2;

  @Option(names = "--truncate", description = "If nonzero, first truncate features to this dimension. "
      + "Default: ${DEFAULT-VALUE}")
  int truncate;

  @Parameters(index = "0", paramLabel = "<in-rspecifier>")
  String in;

  @Parameters(index = "1", paramLabel = "<out-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    Deltas deltas = new Deltas(new DeltaOptions(order, window));
    long done = 0;
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(in, Holders.FLOAT_MATRIX);
         TableWriter<FloatMatrix> writer = TableWriter.open(out, Holders.FLOAT_MATRIX)) {
      while (reader.next()) {
        FloatMatrix m = reader.value();
        if (m.rows() == 0) {
          warn("Empty feature matrix for utterance " + reader.key());
          continue;
        }
        if (truncate != 0) {
          if (truncate > m.cols()) {
            throw new IllegalArgumentException("cannot truncate features as dimension " + m.cols()
                + " is smaller than truncation dimension " + truncate);
          }
          m = m.sub(0, m.rows(), 0, truncate);
        }
        writer.write(reader.key(), deltas.compute(m));
        done++;
      }
      writer.commit();
    }
    log("Added deltas to " + done + " feature matrices.");
    return done != 0 ? 0 : 1;
  }
}
