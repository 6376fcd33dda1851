package org.asrdistill.eval.wer;

/**
 * Word and sentence error counts of a set of utterances: sentences scored, sentences with an error,
 * reference words, and the correct, substitution, deletion and insertion counts of the alignments.
 */
public record ErrorCounts(long sentences, long sentenceErrors, long refWords, long correct,
    long substitutions, long deletions, long insertions) {
  public ErrorCounts {
    if (sentences < 0 || sentenceErrors < 0 || refWords < 0 || correct < 0 || substitutions < 0
        || deletions < 0 || insertions < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    if (correct + substitutions + deletions != refWords) {
      throw new IllegalArgumentException("correct + substitutions + deletions must equal refWords; got: "
          + correct + " + " + substitutions + " + " + deletions + " != " + refWords);
    }
  }

  public static ErrorCounts zero() {
    return new ErrorCounts(0, 0, 0, 0, 0, 0, 0);
  }

  /** Substitutions + deletions + insertions. */
  public long errors() {
    return substitutions + deletions + insertions;
  }

  /** Hypothesis words: correct + substitutions + insertions. */
  public long hypWords() {
    return correct + substitutions + insertions;
  }

  /** Word error rate in percent (NaN or infinite when there are no reference words). */
  public double percentWer() {
    return 100.0 * errors() / refWords;
  }

  /** Sentence error rate in percent (NaN when no sentences). */
  public double percentSer() {
    return 100.0 * sentenceErrors / sentences;
  }

  public ErrorCounts plus(ErrorCounts o) {
    return new ErrorCounts(sentences + o.sentences, sentenceErrors + o.sentenceErrors, refWords + o.refWords,
        correct + o.correct, substitutions + o.substitutions, deletions + o.deletions,
        insertions + o.insertions);
  }
}
