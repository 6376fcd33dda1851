package org.asrdistill.distill.loss;

/**
 * A frame's teacher output as log-scores over a set of classes: the ensemble's averaged log-probabilities (the log
 * of the geometric mean) over the top-k classes, or over all classes. At temperature T the soft target is
 * {@code p_T(c) = exp(s_c / T) / sum_{c' in set} exp(s_c' / T)}: classes outside the set get no mass.
 */
public interface SoftTargets {
  /** Number of classes with a score for row {@code row} of the current batch. */
  int size(int row);

  /** Class id of entry {@code i} of row {@code row}. */
  int classId(int row, int i);

  /** Log-score of entry {@code i} of row {@code row}. */
  float score(int row, int i);
}
