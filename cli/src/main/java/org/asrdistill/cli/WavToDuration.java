package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveHolders;
import org.asrdistill.kaldiio.wav.WaveInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wav-to-duration",
    header = "Read WAV files and output the duration of each one in seconds.",
    customSynopsis = "Usage: wav-to-duration [options] <wav-rspecifier> <duration-wspecifier>",
    footer = {"e.g.: wav-to-duration scp:data/train/wav.scp ark,t:data/train/utt2dur",
        "See also: feat-to-len, validate-data-dir"})
public final class WavToDuration extends KaldiTool {
  @Option(names = "--read-entire-file", arity = "0..1", fallbackValue = "true", description = "Read the "
      + "samples instead of trusting the header (needed for piped WAV whose header has no length). "
      + "Default: ${DEFAULT-VALUE}")
  boolean readEntireFile;

  @Parameters(index = "0", paramLabel = "<wav-rspecifier>")
  String in;

  @Parameters(index = "1", paramLabel = "<duration-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    long done = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    try (TableWriter<Float> w = TableWriter.open(out, Holders.FLOAT)) {
      if (readEntireFile) {
        try (SequentialTableReader<WaveData> r = SequentialTableReader.open(in, WaveHolders.WAVE)) {
          while (r.next()) {
            double d = r.value().duration();
            w.write(r.key(), (float) d);
            sum += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
            done++;
          }
        }
      } else {
        try (SequentialTableReader<WaveInfo> r = SequentialTableReader.open(in, WaveHolders.WAVE_INFO)) {
          while (r.next()) {
            if (r.value().isStreamed()) {
              throw new IllegalArgumentException("member " + r.key() + " has no duration in its header; "
                  + "check the source, and/or try --read-entire-file");
            }
            double d = r.value().duration();
            w.write(r.key(), (float) d);
            sum += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
            done++;
          }
        }
      }
      w.commit();
    }
    log("Printed duration for " + done + " audio files.");
    if (done > 0) {
      log(String.format(Locale.ROOT, "Mean duration was %g, min and max durations were %g, %g",
          sum / done, min, max));
    }
    return done > 0 ? 0 : 1;
  }
}
