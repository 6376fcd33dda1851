package org.asrdistill.cli;

import org.asrdistill.kaldiio.table.Holders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "copy-vector",
    header = "Copy float vectors (FV or DV on input), as tables or single files.",
    customSynopsis = {"Usage: copy-vector [options] (<vector-in-rspecifier>|<vector-in-rxfilename>) "
        + "(<vector-out-wspecifier>|<vector-out-wxfilename>)"},
    footer = {"e.g.: copy-vector --binary=false 1.vec -",
        "  or: copy-vector ark:priors.ark ark,t:-",
        "See also: copy-int-vector, copy-feats"})
public final class CopyVector extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true",
      description = "Binary-mode output for a single-file copy. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Parameters(index = "0", paramLabel = "<in>")
  String in;

  @Parameters(index = "1", paramLabel = "<out>")
  String out;

  @Override
  protected int run() throws Exception {
    long n = TableCopy.copy(in, out, binary, Holders.FLOAT_VECTOR);
    log("Copied " + n + " vectors.");
    return n > 0 ? 0 : 1;
  }
}
