package org.asrdistill.cli;

import org.asrdistill.hmm.tree.ContextDependency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tree-info",
    header = "Print information about a decision tree (mainly the number of pdfs) to standard output.",
    customSynopsis = "Usage: tree-info <tree-in>",
    footer = {"e.g.: tree-info exp/tri1/tree", "See also: copy-tree, gmm-info"})
public final class TreeInfo extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<tree-in>")
  String tree;

  @Override
  protected int run() throws Exception {
    ContextDependency c = ContextDependency.readFile(tree);
    System.out.print("num-pdfs " + c.numPdfs() + "\ncontext-width " + c.contextWidth() + "\ncentral-position "
        + c.centralPosition() + "\n");
    System.out.flush();
    return 0;
  }
}
