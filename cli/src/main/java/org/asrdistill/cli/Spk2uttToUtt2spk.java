package org.asrdistill.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.asrdistill.kaldiio.datadir.SpeakerMaps;
import org.asrdistill.kaldiio.io.Xfilenames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "spk2utt-to-utt2spk",
    header = "Convert spk2utt to utt2spk (utils/spk2utt_to_utt2spk.pl).",
    customSynopsis = "Usage: spk2utt-to-utt2spk [<spk2utt>] > utt2spk",
    footer = {"e.g.: spk2utt-to-utt2spk data/train/spk2utt > data/train/utt2spk",
        "See also: utt2spk-to-spk2utt, fix-data-dir"})
public final class Spk2uttToUtt2spk extends KaldiTool {
  @Parameters(index = "0", arity = "0..1", paramLabel = "<spk2utt>", description = "Input (default: stdin)")
  String in = "-";

  @Override
  protected int run() throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Xfilenames.openStream(in),
        StandardCharsets.ISO_8859_1))) {
      Writer w = new OutputStreamWriter(System.out, StandardCharsets.ISO_8859_1);
      SpeakerMaps.spk2uttToUtt2spk(r, w, in.equals("-") ? "<stdin>" : in);
      w.flush();
    }
    return 0;
  }
}
