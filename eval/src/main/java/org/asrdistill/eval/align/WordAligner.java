package org.asrdistill.eval.align;

import java.util.Arrays;

/**
 * Minimum-cost alignment of two word sequences (words as interned ints) with sclite's rule for ties.
 *
 * <p>Cell (a, b) aligns the first a reference words with the first b hypothesis words. Its cost is the
 * least of: diagonal (cost(a-1, b-1) plus 0 for equal words or the substitution cost), deletion
 * (cost(a-1, b) plus the deletion cost) and insertion (cost(a, b-1) plus the insertion cost). sclite
 * takes the diagonal when it is no worse than both others, else the deletion when it is strictly cheaper
 * than the insertion, else the insertion; the first row holds only insertions and the first column only
 * deletions. The path is traced back from (|ref|, |hyp|).
 *
 * <p>Time and memory O(|ref| * |hyp|). An instance reuses its work arrays, so it is not thread-safe;
 * use one per thread.
 */
public final class WordAligner {
  private static final byte DIAG = 0;
  private static final byte DEL = 1;
  private static final byte INS = 2;

  private final AlignmentCosts costs;
  private int[] cost = new int[64];
  private byte[] back = new byte[64];
  private byte[] ops = new byte[16];

  public WordAligner(AlignmentCosts costs) {
    this.costs = costs;
  }

  public WordAligner() {
    this(AlignmentCosts.defaults());
  }

  /**
   * Aligns {@code ref} with {@code hyp}. The returned alignment owns its arrays (copies), so it stays
   * valid after further calls.
   */
  public Alignment align(int[] ref, int[] hyp) {
    int len = fill(ref, hyp);
    return new Alignment(Arrays.copyOfRange(ops, ops.length - len, ops.length));
  }

  /** Runs the DP and the trace-back; returns the alignment length, ops at the end of {@link #ops}. */
  private int fill(int[] ref, int[] hyp) {
    int n = ref.length;
    int m = hyp.length;
    int w = m + 1;
    int cells = (n + 1) * w;
    if (cost.length < cells) {
      int size = Math.max(cells, cost.length * 2);
      cost = new int[size];
      back = new byte[size];
    }
    if (ops.length < n + m) {
      ops = new byte[Math.max(n + m, ops.length * 2)];
    }
    int ins = costs.insertion();
    int del = costs.deletion();
    int sub = costs.substitution();
    cost[0] = 0;
    for (int b = 1; b <= m; b++) {
      cost[b] = cost[b - 1] + ins;
      back[b] = INS;
    }
    for (int a = 1; a <= n; a++) {
      int row = a * w;
      int prev = row - w;
      cost[row] = cost[prev] + del;
      back[row] = DEL;
      int r = ref[a - 1];
      for (int b = 1; b <= m; b++) {
        int diag = cost[prev + b - 1] + (r == hyp[b - 1] ? 0 : sub);
        int dl = cost[prev + b] + del;
        int in = cost[row + b - 1] + ins;
        if (diag <= dl && diag <= in) {
          cost[row + b] = diag;
          back[row + b] = DIAG;
        } else if (dl < in) {
          cost[row + b] = dl;
          back[row + b] = DEL;
        } else {
          cost[row + b] = in;
          back[row + b] = INS;
        }
      }
    }
    int a = n;
    int b = m;
    int k = ops.length;
    while (a > 0 || b > 0) {
      byte step = back[a * w + b];
      if (step == DIAG) {
        ops[--k] = (byte) (ref[a - 1] == hyp[b - 1] ? EditOp.CORRECT.ordinal() : EditOp.SUBSTITUTION.ordinal());
        a--;
        b--;
      } else if (step == DEL) {
        ops[--k] = (byte) EditOp.DELETION.ordinal();
        a--;
      } else {
        ops[--k] = (byte) EditOp.INSERTION.ordinal();
        b--;
      }
    }
    return ops.length - k;
  }
}
