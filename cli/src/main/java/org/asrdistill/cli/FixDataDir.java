package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.kaldiio.datadir.DataDirFixer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "fix-data-dir",
    header = "Sort a Kaldi data directory's files and keep only the utterances, speakers and recordings "
        + "present in all of them (utils/fix_data_dir.sh).",
    customSynopsis = "Usage: fix-data-dir <data-dir>",
    description = {"Every file is sorted by key (the first line of a repeated key is kept); utterances "
        + "missing from any of utt2spk, feats.scp, text, segments, utt2lang, wav.scp (without segments), "
        + "utt2dur or utt2num_frames (or with a non-positive value there) are removed everywhere; speakers "
        + "and recordings likewise; spk2utt is regenerated from utt2spk. The original files are copied to "
        + "<data-dir>/.backup/ first and changed files are replaced atomically. Like Kaldi, a utt2spk that "
        + "is not also sorted by speaker-id is an error (make speaker-ids prefixes of utterance-ids)."},
    footer = {"e.g.: fix-data-dir data/train",
        "See also: validate-data-dir, subset-data-dir, combine-data"})
public final class FixDataDir extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<data-dir>")
  Path dir;

  @Override
  protected int run() throws Exception {
    DataDirFixer.fixInPlace(dir, this::log);
    return 0;
  }
}
