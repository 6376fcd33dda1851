package org.asrdistill.recipes.synth;

import java.nio.file.Path;

/**
 * What to synthesise.
 *
 * @param kind digits or sentences
 * @param out output directory (data dirs {@code train/ dev/ test/}, audio under {@code wav/}, {@code local/})
 * @param numTrain training utterances (digits), or 0 to use {@code trainHours} (sentences)
 * @param trainHours target hours of training speech (sentences)
 * @param numDev dev utterances
 * @param numTest test utterances
 * @param speakersPerVoice speakers drawn per voice (one dev, one test, the rest train)
 * @param seed seed of every random choice
 * @param numThreads parallel synthesis workers
 */
public record CorpusOptions(Kind kind, Path out, int numTrain, double trainHours, int numDev, int numTest,
    int speakersPerVoice, long seed, int numThreads) {

  /** The two built-in corpora. */
  public enum Kind { DIGITS, SENTENCES }

  public CorpusOptions {
    if (out == null) {
      throw new IllegalArgumentException("output directory is required");
    }
    if (numTrain < 0 || numDev < 1 || numTest < 1) {
      throw new IllegalArgumentException("utterance counts must be >= 1 (train >= 0); got: train " + numTrain
          + ", dev " + numDev + ", test " + numTest);
    }
    if (kind == Kind.DIGITS && numTrain < 1) {
      throw new IllegalArgumentException("--num-train must be >= 1 for digits; got: " + numTrain);
    }
    if (kind == Kind.SENTENCES && numTrain == 0 && !(trainHours > 0)) {
      throw new IllegalArgumentException("--train-hours must be > 0; got: " + trainHours);
    }
    if (speakersPerVoice < 3) {
      throw new IllegalArgumentException("--speakers-per-voice must be >= 3; got: " + speakersPerVoice);
    }
    if (numThreads < 1) {
      throw new IllegalArgumentException("--num-threads must be >= 1; got: " + numThreads);
    }
  }

  /** synth-digits defaults: about 4,000 train, 400 dev, 400 test utterances. */
  public static CorpusOptions digits(Path out) {
    return new CorpusOptions(Kind.DIGITS, out, 4000, 0, 400, 400, 8, 1, 2);
  }

  /** synth-sentences defaults: about 3 hours of training speech, 400 dev and 400 test sentences. */
  public static CorpusOptions sentences(Path out) {
    return new CorpusOptions(Kind.SENTENCES, out, 0, 3.0, 400, 400, 8, 1, 2);
  }
}
