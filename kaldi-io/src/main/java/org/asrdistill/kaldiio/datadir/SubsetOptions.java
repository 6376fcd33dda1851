package org.asrdistill.kaldiio.datadir;

import java.nio.file.Path;

/**
 * How {@link DataDirSubset} chooses utterances (the modes of Kaldi's utils/subset_data_dir.sh, plus a
 * seeded random choice).
 *
 * @param mode the selection rule
 * @param count the number of utterances (per speaker for {@link Mode#PER_SPK}); unused for the list modes
 * @param list the utterance or speaker list file for {@link Mode#UTT_LIST} and {@link Mode#SPK_LIST}
 * @param seed the random seed for {@link Mode#RANDOM} and {@link Mode#SPEAKERS}
 */
public record SubsetOptions(Mode mode, int count, Path list, long seed) {
  /** Selection rules. */
  public enum Mode {
    /** {@code count} utterances spread evenly over utt2spk (subset_scp.pl's default; deterministic). */
    EVEN,
    /** The first {@code count} utterances. */
    FIRST,
    /** The last {@code count} utterances. */
    LAST,
    /** {@code count} utterances drawn at random with {@code seed}, kept in file order. */
    RANDOM,
    /** Whole speakers in random order (with {@code seed}) until there are at least {@code count} utterances. */
    SPEAKERS,
    /** Up to {@code count} utterances per speaker, spread evenly over the speaker's list. */
    PER_SPK,
    /** The {@code count} shortest utterances (by utt2num_frames, else utt2dur). */
    SHORTEST,
    /** The utterances listed (first field of each line) in {@code list}. */
    UTT_LIST,
    /** The speakers listed in {@code list}. */
    SPK_LIST
  }

  public SubsetOptions {
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
    boolean listMode = mode == Mode.UTT_LIST || mode == Mode.SPK_LIST;
    if (listMode && list == null) {
      throw new IllegalArgumentException(mode + " needs a list file");
    }
    if (!listMode && count < 1) {
      throw new IllegalArgumentException("number of utterances must be >= 1; got: " + count);
    }
  }

  public static SubsetOptions of(Mode mode, int count) {
    return new SubsetOptions(mode, count, null, 0);
  }

  public static SubsetOptions random(int count, long seed) {
    return new SubsetOptions(Mode.RANDOM, count, null, seed);
  }

  public static SubsetOptions uttList(Path list) {
    return new SubsetOptions(Mode.UTT_LIST, 0, list, 0);
  }

  public static SubsetOptions spkList(Path list) {
    return new SubsetOptions(Mode.SPK_LIST, 0, list, 0);
  }
}
