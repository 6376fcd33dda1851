package org.asrdistill.cli;

import java.util.List;
import org.asrdistill.hmm.phones.SymbolTableText;
import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show-alignments",
    header = "Display alignments in human-readable form: transition-ids grouped by phone, with phone names.",
    customSynopsis = "Usage: show-alignments [options] <phone-syms> <model> <alignments-rspecifier>",
    footer = {"e.g.: show-alignments data/lang/phones.txt 1.mdl ark:1.ali",
        "See also: ali-to-phones, show-transitions"})
public final class ShowAlignments extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<phone-syms>")
  String phones;

  @Parameters(index = "1", paramLabel = "<model>")
  String model;

  @Parameters(index = "2", paramLabel = "<alignments-rspecifier>")
  String in;

  @Override
  protected int run() throws Exception {
    List<String> names = SymbolTableText.readById(phones);
    TransitionModel tm = TransitionModel.readFile(model);
    try (SequentialTableReader<int[]> reader = SequentialTableReader.open(in, Holders.INT32_VECTOR)) {
      while (reader.next()) {
        System.out.print(Alignments.show(tm, reader.key(), reader.value(),
            p -> p < names.size() && names.get(p) != null ? names.get(p) : ""));
      }
    }
    System.out.flush();
    return 0;
  }
}
