package org.asrdistill.cli;

import org.asrdistill.hmm.gmm.GmmModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-info",
    header = "Write to standard output various properties of a GMM-based model.",
    customSynopsis = "Usage: gmm-info [options] <model-in>",
    footer = {"e.g.: gmm-info 1.mdl", "See also: gmm-copy, tree-info, show-transitions"})
public final class GmmInfo extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<model-in>")
  String model;

  @Override
  protected int run() throws Exception {
    GmmModel m = GmmModel.readFile(model);
    var tm = m.transitionModel();
    System.out.print("number of phones " + tm.topology().phones().length + "\nnumber of pdfs " + tm.numPdfs()
        + "\nnumber of transition-ids " + tm.numTransitionIds() + "\nnumber of transition-states "
        + tm.numTransitionStates() + "\nfeature dimension " + m.am().dim() + "\nnumber of gaussians "
        + m.am().numGauss() + "\n");
    System.out.flush();
    return 0;
  }
}
