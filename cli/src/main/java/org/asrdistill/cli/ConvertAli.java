package org.asrdistill.cli;

import org.asrdistill.acoustic.train.AlignmentConversion;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "convert-ali",
    header = "Convert alignments from one model/tree to another with the same topology (e.g. monophone to "
        + "triphone).",
    customSynopsis = "Usage: convert-ali [options] <old-model> <new-model> <new-tree> <old-alignments-rspecifier> "
        + "<new-alignments-wspecifier>",
    footer = {"e.g.: convert-ali exp/mono/final.mdl exp/tri1/1.mdl exp/tri1/tree 'ark:gunzip -c exp/mono/ali.1.gz|' "
        + "'ark:|gzip -c >exp/tri1/ali.1.gz'", "See also: train-tri, ali-to-pdf"})
public final class ConvertAli extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<old-model>")
  String oldModel;

  @Parameters(index = "1", paramLabel = "<new-model>")
  String newModel;

  @Parameters(index = "2", paramLabel = "<new-tree>")
  String newTree;

  @Parameters(index = "3", paramLabel = "<old-alignments-rspecifier>")
  String in;

  @Parameters(index = "4", paramLabel = "<new-alignments-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    TransitionModel oldTm = TransitionModel.readFile(oldModel);
    TransitionModel newTm = TransitionModel.readFile(newModel);
    ContextDependency tree = ContextDependency.readFile(newTree);
    int done = 0;
    int failed = 0;
    try (SequentialTableReader<int[]> r = SequentialTableReader.open(in, Holders.INT32_VECTOR);
         TableWriter<int[]> w = TableWriter.open(out, Holders.INT32_VECTOR)) {
      while (r.next()) {
        int[] c = AlignmentConversion.convert(oldTm, newTm, tree, r.value());
        if (c == null) {
          warn("Could not convert alignment for key " + r.key() + " (possibly truncated alignment?)");
          failed++;
          continue;
        }
        w.write(r.key(), c);
        done++;
      }
      w.commit();
    }
    log("Succeeded converting alignments for " + done + " files, failed for " + failed);
    return done > 0 ? 0 : 1;
  }
}
