package org.asrdistill.distill.loss;

/**
 * A frame's teacher output as log-scores over a set of classes: the ensemble's averaged log-probabilities (the log
 * of the geometric mean) over the top-k classes, or over all classes. The classes outside the set (the tail) may
 * share one log-score, {@link #tailScore}. At temperature T the soft target is {@code p_T(c) = exp(s_c / T) / Z},
 * Z summing {@code exp(s / T)} over the set and, per tail class, {@code exp(tailScore / T)}.
 */
public interface SoftTargets {
  /** Number of classes with a score for row {@code row} of the current batch. */
  int size(int row);

  /** Class id of entry {@code i} of row {@code row}. */
  int classId(int row, int i);

  /** Log-score of entry {@code i} of row {@code row}. */
  float score(int row, int i);

  /**
   * The log-score of each class outside row {@code row}'s set at temperature {@code t}, or NaN if those classes get
   * no mass (the default).
   */
  default double tailScore(int row, double t) {
    return Double.NaN;
  }
}
