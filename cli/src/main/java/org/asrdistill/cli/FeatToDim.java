package org.asrdistill.cli;

import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.asrdistill.kaldiio.table.Wspecifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "feat-to-dim",
    header = "Print the feature dimension (of the first matrix), or write each utterance's dimension.",
    customSynopsis = {"Usage: feat-to-dim [options] <feat-rspecifier> (<dim-wspecifier>|<dim-wxfilename>)"},
    footer = {"e.g.: feat-to-dim scp:feats.scp -",
        "  or: feat-to-dim ark:feats.ark ark,t:dims.txt",
        "See also: feat-to-len, copy-feats"})
public final class FeatToDim extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<feat-rspecifier>")
  String in;

  @Parameters(index = "1", paramLabel = "<out>", defaultValue = "-")
  String out;

  @Override
  protected int run() throws Exception {
    boolean table = isWspecifier(out);
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(in, Holders.FLOAT_MATRIX)) {
      if (!table) {
        if (!r.next()) {
          warn("no features in " + in);
          return 1;
        }
        System.out.println(r.value().cols());
        return 0;
      }
      try (TableWriter<Integer> w = TableWriter.open(out, Holders.INT32)) {
        long n = 0;
        while (r.next()) {
          w.write(r.key(), r.value().cols());
          n++;
        }
        w.commit();
        log("Wrote dimensions of " + n + " matrices.");
      }
    }
    return 0;
  }

  static boolean isWspecifier(String s) {
    try {
      Wspecifier.parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
