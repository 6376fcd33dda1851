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

@Command(name = "utt2spk-to-spk2utt",
    header = "Convert utt2spk to spk2utt (utils/utt2spk_to_spk2utt.pl): speakers in order of first appearance.",
    customSynopsis = "Usage: utt2spk-to-spk2utt [<utt2spk>] > spk2utt",
    footer = {"e.g.: utt2spk-to-spk2utt data/train/utt2spk > data/train/spk2utt",
        "See also: spk2utt-to-utt2spk, fix-data-dir"})
public final class Utt2spkToSpk2utt extends KaldiTool {
  @Parameters(index = "0", arity = "0..1", paramLabel = "<utt2spk>", description = "Input (default: stdin)")
  String in = "-";

  @Override
  protected int run() throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Xfilenames.openStream(in),
        StandardCharsets.ISO_8859_1))) {
      Writer w = new OutputStreamWriter(System.out, StandardCharsets.ISO_8859_1);
      SpeakerMaps.utt2spkToSpk2utt(r, w, in.equals("-") ? "<stdin>" : in);
      w.flush();
    }
    return 0;
  }
}
