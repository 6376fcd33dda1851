package org.asrdistill.cli;

import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "feat-to-len",
    header = "Write the number of frames of each utterance, or print the total number of frames.",
    customSynopsis = {"Usage: feat-to-len [options] <in-rspecifier> [<out-wspecifier>]"},
    footer = {"e.g.: feat-to-len scp:feats.scp ark,t:feats.lengths",
        "  or: feat-to-len scp:feats.scp   (prints the total)",
        "See also: feat-to-dim, copy-feats"})
public final class FeatToLen extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<in-rspecifier>")
  String in;

  @Parameters(index = "1", paramLabel = "<out-wspecifier>", arity = "0..1")
  String out;

  @Override
  protected int run() throws Exception {
    long n = 0;
    long frames = 0;
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(in, Holders.FLOAT_MATRIX);
         TableWriter<Integer> w = out == null ? null : TableWriter.open(out, Holders.INT32)) {
      while (r.next()) {
        int len = r.value().rows();
        if (w != null) {
          w.write(r.key(), len);
        }
        frames += len;
        n++;
      }
      if (w != null) {
        w.commit();
      }
    }
    if (out == null) {
      System.out.println(frames);
    }
    log("Done " + n + " utterances, " + frames + " frames.");
    return n > 0 ? 0 : 1;
  }
}
