package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.kaldiio.datadir.DataDir;
import org.asrdistill.kaldiio.datadir.DataDirValidator;
import org.asrdistill.kaldiio.datadir.Problem;
import org.asrdistill.kaldiio.datadir.ValidationOptions;
import org.asrdistill.kaldiio.datadir.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate-data-dir",
    header = "Check a Kaldi data directory as utils/validate_data_dir.sh does, listing every problem with "
        + "its file and line.",
    customSynopsis = "Usage: validate-data-dir [--no-feats] [--no-text] [--no-wav] [--no-spk-sort] "
        + "[--non-print] [--check-audio=none|files|all] <data-dir>",
    description = {"The --no-xxx options mean that xxx need not be present, but it is checked if it is. "
        + "utt2spk must be sorted by utterance-id and by speaker-id (make speaker-ids prefixes of "
        + "utterance-ids) unless --no-spk-sort. Beyond Kaldi's checks, wav.scp entries are opened and parsed "
        + "as audio: WAV, FLAC or Ogg Vorbis (and segments checked against the recording length); "
        + "--check-audio=files (default) opens plain files only, because pipe commands ('sox ... |') may be slow or have side effects; "
        + "--check-audio=all also runs the pipes; none skips audio."},
    footer = {"e.g.: validate-data-dir --no-feats data/train",
        "See also: fix-data-dir, subset-data-dir, combine-data, utt2spk-to-spk2utt"})
public final class ValidateDataDir extends KaldiTool {
  @Option(names = "--no-feats", description = "feats.scp need not exist")
  boolean noFeats;

  @Option(names = "--no-text", description = "text need not exist")
  boolean noText;

  @Option(names = "--no-wav", description = "wav.scp need not exist")
  boolean noWav;

  @Option(names = "--no-spk-sort", description = "utt2spk need not be sorted by speaker-id too")
  boolean noSpkSort;

  @Option(names = "--non-print", description = "Allow non-printable characters in text")
  boolean nonPrint;

  @Option(names = "--check-audio", paramLabel = "none|files|all",
      description = "Which wav.scp entries to open and parse. Default: ${DEFAULT-VALUE}")
  String checkAudio = "files";

  @Option(names = "--max-errors", description = "Print at most this many errors (all are counted). "
      + "Default: ${DEFAULT-VALUE}")
  int maxErrors = 200;

  @Parameters(index = "0", paramLabel = "<data-dir>")
  Path dir;

  @Override
  protected int run() throws Exception {
    ValidationOptions.AudioCheck audio;
    try {
      audio = ValidationOptions.AudioCheck.valueOf(checkAudio.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--check-audio must be none, files or all; got: " + checkAudio);
    }
    ValidationOptions opts = new ValidationOptions(noFeats, noText, noWav, noSpkSort, nonPrint, audio);
    ValidationReport r = DataDirValidator.validate(DataDir.read(dir), opts,
        org.asrdistill.frontend.input.AudioInput::read);
    for (Problem p : r.warnings()) {
      warn(p.toString());
    }
    int shown = 0;
    for (Problem p : r.errors()) {
      if (shown++ < maxErrors) {
        System.err.println("ERROR (" + toolName() + ") " + p);
      }
    }
    if (r.errors().size() > maxErrors) {
      System.err.println("ERROR (" + toolName() + ") ... and " + (r.errors().size() - maxErrors)
          + " more problem(s)");
    }
    if (!r.ok()) {
      System.err.println("ERROR (" + toolName() + ") data directory " + dir + " is invalid: "
          + r.errors().size() + " problem(s)");
      return 1;
    }
    log("Successfully validated data-directory " + dir);
    return 0;
  }
}
