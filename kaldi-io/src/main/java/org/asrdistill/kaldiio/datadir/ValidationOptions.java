package org.asrdistill.kaldiio.datadir;

/**
 * Options of {@link DataDirValidator}, named after utils/validate_data_dir.sh's flags.
 *
 * @param noFeats feats.scp need not exist (checked if present)
 * @param noText text need not exist (checked if present)
 * @param noWav wav.scp need not exist (checked if present)
 * @param noSpkSort utt2spk need not also be sorted by speaker-id
 * @param nonPrint allow non-printable characters in text
 * @param audio which wav.scp entries to open and parse
 */
public record ValidationOptions(boolean noFeats, boolean noText, boolean noWav, boolean noSpkSort,
    boolean nonPrint, AudioCheck audio) {

  /** Which wav.scp entries are opened to check that they parse as WAV. */
  public enum AudioCheck {
    /** Do not open audio. */
    NONE,
    /** Open plain files (and {@code file:offset}); pipe commands are not run. The default. */
    FILES,
    /** Also run {@code cmd |} pipe entries. */
    ALL
  }

  public ValidationOptions {
    if (audio == null) {
      throw new IllegalArgumentException("audio check must not be null");
    }
  }

  /** Kaldi's defaults (feats.scp, text and wav.scp required; utt2spk speaker-sorted), audio files checked. */
  public static ValidationOptions defaults() {
    return new ValidationOptions(false, false, false, false, false, AudioCheck.FILES);
  }

  public ValidationOptions withNoFeats(boolean v) {
    return new ValidationOptions(v, noText, noWav, noSpkSort, nonPrint, audio);
  }

  public ValidationOptions withAudio(AudioCheck a) {
    return new ValidationOptions(noFeats, noText, noWav, noSpkSort, nonPrint, a);
  }
}
