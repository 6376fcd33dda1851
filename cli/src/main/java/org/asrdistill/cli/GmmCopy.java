package org.asrdistill.cli;

import org.asrdistill.hmm.gmm.GmmModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-copy",
    header = "Copy a GMM-based model (transition model + diagonal GMMs), e.g. to text form.",
    customSynopsis = "Usage: gmm-copy [options] <model-in> <model-out>",
    footer = {"e.g.: gmm-copy --binary=false 1.mdl 1_txt.mdl", "See also: gmm-info, copy-transition-model"})
public final class GmmCopy extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true",
      description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String in;

  @Parameters(index = "1", paramLabel = "<model-out>")
  String out;

  @Override
  protected int run() throws Exception {
    GmmModel.readFile(in).writeFile(out, binary);
    log("Written model to " + out);
    return 0;
  }
}
