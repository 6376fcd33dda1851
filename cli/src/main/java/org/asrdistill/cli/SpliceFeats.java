package org.asrdistill.cli;

import org.asrdistill.frontend.splice.SplicedView;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "splice-feats",
    header = "Splice features with left and right context (edge frames repeated). Training reads spliced "
        + "frames through a zero-copy view instead; this tool materialises them.",
    customSynopsis = "Usage: splice-feats [options] <feature-rspecifier> <feature-wspecifier>",
    footer = {"e.g.: splice-feats --left-context=20 --right-context=5 scp:feats.scp ark:-",
        "See also: add-deltas, apply-cmvn"})
public final class SpliceFeats extends KaldiTool {
  @Option(names = "--left-context", description = "Number of frames of left context. Default: ${DEFAULT-VALUE}")
  int leftContext = 4;

  @Option(names = "--right-context", description = "Number of frames of right context. Default: ${DEFAULT-VALUE}")
  int rightContext = 4;

  @Parameters(index = "0", paramLabel = "<feature-rspecifier>")
  String in;

  @Parameters(index = "1", paramLabel = "<feature-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    long done = 0;
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(in, Holders.FLOAT_MATRIX);
         TableWriter<FloatMatrix> writer = TableWriter.open(out, Holders.FLOAT_MATRIX)) {
      while (reader.next()) {
        FloatMatrix m = reader.value();
        if (m.rows() == 0 || m.cols() == 0) {
          throw new IllegalArgumentException("splice-feats: empty feature matrix for utterance " + reader.key());
        }
        writer.write(reader.key(), new SplicedView(m, leftContext, rightContext).toMatrix());
        done++;
      }
      writer.commit();
    }
    log("Spliced " + done + " feature matrices.");
    return 0;
  }
}
