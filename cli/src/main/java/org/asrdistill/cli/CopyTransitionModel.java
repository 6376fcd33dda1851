package org.asrdistill.cli;

import org.asrdistill.hmm.transition.TransitionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "copy-transition-model",
    header = "Copy a transition model (the first part of a model file), e.g. to text form.",
    customSynopsis = "Usage: copy-transition-model [options] <transition-model or model file> <transition-model-out>",
    footer = {"e.g.: copy-transition-model --binary=false 1.mdl 1.txt",
        "See also: show-transitions, gmm-copy"})
public final class CopyTransitionModel extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true",
      description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String in;

  @Parameters(index = "1", paramLabel = "<transition-model-out>")
  String out;

  @Override
  protected int run() throws Exception {
    TransitionModel.readFile(in).writeFile(out, binary);
    log("Copied transition model.");
    return 0;
  }
}
