package org.asrdistill.cli;

import java.util.List;
import org.asrdistill.hmm.phones.SymbolTableText;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.table.Holders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show-transitions",
    header = "Print the transition states and transition-ids of a transition model, with phone names.",
    customSynopsis = "Usage: show-transitions <phones-symbol-table> <transition/model-file> [<occs-file>]",
    footer = {"e.g.: show-transitions data/lang/phones.txt exp/mono/final.mdl exp/mono/final.occs",
        "See also: show-alignments, copy-transition-model, gmm-info"})
public final class ShowTransitions extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<phones-symbol-table>")
  String phones;

  @Parameters(index = "1", paramLabel = "<model>")
  String model;

  @Parameters(index = "2", arity = "0..1", paramLabel = "<occs-file>")
  String occs;

  @Override
  protected int run() throws Exception {
    List<String> names = SymbolTableText.readById(phones);
    TransitionModel tm = TransitionModel.readFile(model);
    double[] counts = null;
    if (occs != null) {
      try (KaldiInput in = Xfilenames.openInput(occs)) {
        counts = Holders.DOUBLE_VECTOR.read(in);
      }
    }
    System.out.print(tm.print(names, counts));
    System.out.flush();
    return 0;
  }
}
