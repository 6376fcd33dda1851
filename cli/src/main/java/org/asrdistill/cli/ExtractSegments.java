package org.asrdistill.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.frontend.input.AudioInput;
import org.asrdistill.frontend.input.Segments;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.asrdistill.kaldiio.wav.WaveData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract-segments",
    header = "Cut utterances out of recordings as listed in a segments file, writing WAV objects.",
    customSynopsis = {"Usage: extract-segments [options] <wav-rspecifier> <segments-file> <wav-wspecifier>"},
    footer = {"Segments lines: <utterance-id> <recording-id> <start-seconds> <end-seconds> [<channel>]; an end of",
        "-1 means the end of the recording. Recordings may be WAV, FLAC or Ogg Vorbis.",
        "e.g.: extract-segments scp:data/train/wav.scp data/train/segments ark:- | compute-fbank-feats ...",
        "See also: compute-fbank-feats, wav-to-duration"})
public final class ExtractSegments extends KaldiTool {
  @Option(names = "--min-segment-length", description = "Shortest segment kept, seconds. Default: ${DEFAULT-VALUE}")
  double minSegmentLength = 0.1;

  @Option(names = "--max-overshoot", description = "Longest tolerated end past the recording, seconds (the end "
      + "is clamped). Default: ${DEFAULT-VALUE}")
  double maxOvershoot = 0.5;

  @Parameters(index = "0", paramLabel = "<wav-rspecifier>")
  String wavIn;

  @Parameters(index = "1", paramLabel = "<segments-file>")
  Path segmentsFile;

  @Parameters(index = "2", paramLabel = "<wav-wspecifier>")
  String wavOut;

  @Override
  protected int run() throws Exception {
    Segments cutter = new Segments(minSegmentLength, maxOvershoot);
    int done = 0;
    int failed = 0;
    int lineNo = 0;
    try (RandomAccessTableReader<WaveData> recordings = RandomAccessTableReader.open(wavIn, AudioInput.HOLDER);
         TableWriter<WaveData> out = TableWriter.open(wavOut, AudioInput.HOLDER)) {
      for (String line : Files.readAllLines(segmentsFile, StandardCharsets.UTF_8)) {
        lineNo++;
        String[] f = line.strip().split("\\s+");
        if (f.length == 1 && f[0].isEmpty()) {
          continue;
        }
        if (f.length != 4 && f.length != 5) {
          throw new IllegalArgumentException(segmentsFile + ":" + lineNo + ": expected 4 or 5 fields: '" + line + "'");
        }
        if (!recordings.hasKey(f[1])) {
          warn(segmentsFile + ":" + lineNo + ": recording '" + f[1] + "' not found; skipping " + f[0]);
          failed++;
          continue;
        }
        try {
          double start = Double.parseDouble(f[2]);
          double end = Double.parseDouble(f[3]);
          int channel = f.length == 5 ? Integer.parseInt(f[4]) : -1;
          out.write(f[0], cutter.cut(recordings.value(f[1]), start, end, channel));
          done++;
        } catch (IllegalArgumentException e) {
          warn(segmentsFile + ":" + lineNo + ": segment " + f[0] + ": " + e.getMessage() + "; skipping");
          failed++;
        }
      }
      out.commit();
    }
    log("Successfully processed " + done + " segments; " + failed + " failed.");
    return done > 0 ? 0 : 1;
  }
}
