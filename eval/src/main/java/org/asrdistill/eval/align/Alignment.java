package org.asrdistill.eval.align;

/**
 * The steps aligning a reference with a hypothesis, in order; each step consumes a reference word
 * (correct, substitution, deletion), a hypothesis word (correct, substitution, insertion) or both.
 */
public final class Alignment {
  private final byte[] ops;

  /** Wraps ops given as {@link EditOp} ordinals (the array is not copied). */
  public Alignment(byte[] ops) {
    for (byte op : ops) {
      if (op < 0 || op > 3) {
        throw new IllegalArgumentException("op ordinal must be in [0, 3]; got: " + op);
      }
    }
    this.ops = ops;
  }

  public int length() {
    return ops.length;
  }

  public EditOp op(int i) {
    return EditOp.of(ops[i]);
  }

  /** Number of steps of the given kind. */
  public int count(EditOp kind) {
    int c = 0;
    for (byte op : ops) {
      if (op == kind.ordinal()) {
        c++;
      }
    }
    return c;
  }

  /** Substitutions + deletions + insertions. */
  public int errors() {
    return ops.length - count(EditOp.CORRECT);
  }

  /** The ops as ordinals (a copy). */
  public byte[] ops() {
    return ops.clone();
  }
}
