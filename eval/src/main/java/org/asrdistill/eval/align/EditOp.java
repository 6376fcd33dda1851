package org.asrdistill.eval.align;

/** One step of an alignment: a reference word, a hypothesis word, or both. */
public enum EditOp {
  /** Reference and hypothesis words are equal. */
  CORRECT,
  /** A reference word recognised as another word. */
  SUBSTITUTION,
  /** A reference word with no hypothesis word. */
  DELETION,
  /** A hypothesis word with no reference word. */
  INSERTION;

  private static final EditOp[] VALUES = values();

  /** The op with this ordinal (ops are stored as bytes in alignments). */
  public static EditOp of(int ordinal) {
    return VALUES[ordinal];
  }
}
