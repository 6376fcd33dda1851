package org.asrdistill.cli;

import org.asrdistill.hmm.tree.ContextDependency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "copy-tree",
    header = "Copy a context-dependency tree (Kaldi's tree file), e.g. to text form.",
    customSynopsis = "Usage: copy-tree [options] <tree-in> <tree-out>",
    footer = {"e.g.: copy-tree --binary=false exp/mono/tree tree.txt", "See also: tree-info"})
public final class CopyTree extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true",
      description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Parameters(index = "0", paramLabel = "<tree-in>")
  String in;

  @Parameters(index = "1", paramLabel = "<tree-out>")
  String out;

  @Override
  protected int run() throws Exception {
    ContextDependency.readFile(in).writeFile(out, binary);
    log("Copied tree");
    return 0;
  }
}
