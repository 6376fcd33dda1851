package org.asrdistill.eval.wer;

import java.util.Locale;

/** Kaldi compute-wer's handling of reference utterances that have no hypothesis. */
public enum ScoringMode {
  /** Fail when a reference utterance has no hypothesis. */
  STRICT,
  /** Score only the utterances that have a hypothesis. */
  PRESENT,
  /** Score a missing hypothesis as empty (all deletions). */
  ALL;

  /** Parses Kaldi's names {@code strict}, {@code present}, {@code all}. */
  public static ScoringMode parse(String name) {
    for (ScoringMode m : values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("--mode option invalid: expected \"present\"|\"all\"|\"strict\", got "
        + name);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
