package org.asrdistill.cli;

import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ali-to-pdf",
    header = "Convert transition-id alignments to pdf-id sequences (0-based pdf ids).",
    customSynopsis = "Usage: ali-to-pdf [options] <model> <alignments-rspecifier> <pdfs-wspecifier>",
    footer = {"e.g.: ali-to-pdf exp/mono/final.mdl ark:1.ali ark,t:-", "See also: ali-to-phones, show-alignments"})
public final class AliToPdf extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<model>")
  String model;

  @Parameters(index = "1", paramLabel = "<alignments-rspecifier>")
  String in;

  @Parameters(index = "2", paramLabel = "<pdfs-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    TransitionModel tm = TransitionModel.readFile(model);
    int done = 0;
    try (SequentialTableReader<int[]> reader = SequentialTableReader.open(in, Holders.INT32_VECTOR);
         TableWriter<int[]> writer = TableWriter.open(out, Holders.INT32_VECTOR)) {
      while (reader.next()) {
        writer.write(reader.key(), Alignments.toPdfs(tm, reader.value()));
        done++;
      }
      writer.commit();
    }
    log("Converted " + done + " alignments to pdf sequences.");
    return 0;
  }
}
