package org.asrdistill.cli;

import org.asrdistill.kaldiio.table.Holders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "copy-int-vector",
    header = "Copy int32 vectors (e.g. alignments), as tables or single files.",
    customSynopsis = {"Usage: copy-int-vector [options] (<vector-in-rspecifier>|<vector-in-rxfilename>) "
        + "(<vector-out-wspecifier>|<vector-out-wxfilename>)"},
    footer = {"e.g.: copy-int-vector 'ark:gunzip -c exp/tri1_ali/ali.1.gz |' ark,t:-",
        "See also: copy-vector, ali-to-pdf"})
public final class CopyIntVector extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true",
      description = "Binary-mode output for a single-file copy. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Parameters(index = "0", paramLabel = "<in>")
  String in;

  @Parameters(index = "1", paramLabel = "<out>")
  String out;

  @Override
  protected int run() throws Exception {
    long n = TableCopy.copy(in, out, binary, Holders.INT32_VECTOR);
    log("Copied " + n + " vectors of int32.");
    return n > 0 ? 0 : 1;
  }
}
