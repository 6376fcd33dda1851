package org.asrdistill.cli;

import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ali-to-phones",
    header = "Convert model-level alignments to phone sequences (integer form).",
    customSynopsis = "Usage: ali-to-phones [options] <model> <alignments-rspecifier> <phone-transcript-wspecifier>",
    footer = {"e.g.: ali-to-phones 1.mdl ark:1.ali ark,t:-",
        "  or: ali-to-phones --per-frame=true 1.mdl ark:1.ali ark:phones.ark",
        "See also: show-alignments, ali-to-pdf"})
public final class AliToPhones extends KaldiTool {
  @Option(names = "--per-frame", arity = "0..1", fallbackValue = "true",
      description = "If true, write the phone of every frame (else the phone sequence). Default: ${DEFAULT-VALUE}")
  boolean perFrame;

  @Parameters(index = "0", paramLabel = "<model>")
  String model;

  @Parameters(index = "1", paramLabel = "<alignments-rspecifier>")
  String in;

  @Parameters(index = "2", paramLabel = "<phones-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    TransitionModel tm = TransitionModel.readFile(model);
    int done = 0;
    try (SequentialTableReader<int[]> reader = SequentialTableReader.open(in, Holders.INT32_VECTOR);
         TableWriter<int[]> writer = TableWriter.open(out, Holders.INT32_VECTOR)) {
      while (reader.next()) {
        writer.write(reader.key(), Alignments.toPhones(tm, reader.value(), perFrame));
        done++;
      }
      writer.commit();
    }
    log("Done " + done + " utterances.");
    return 0;
  }
}
