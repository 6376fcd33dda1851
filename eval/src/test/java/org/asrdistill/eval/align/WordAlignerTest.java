package org.asrdistill.eval.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WordAlignerTest {
  private static String ops(Alignment a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length(); i++) {
      sb.append("CSDI".charAt(a.op(i).ordinal()));
    }
    return sb.toString();
  }

  @Test
  void knownAlignmentsIncludingSclitesTieBreaking() {
    WordAligner al = new WordAligner();
    assertEquals("CSCCI", ops(al.align(new int[] {1, 2, 3, 4}, new int[] {1, 3, 3, 4, 5})));
    assertEquals("DDD", ops(al.align(new int[] {1, 2, 3}, new int[0])));
    assertEquals("II", ops(al.align(new int[0], new int[] {7, 8})));
    assertEquals("", ops(al.align(new int[0], new int[0])));
    // "a a a" against "a a": sclite deletes the first word (seen in its pra output)
    assertEquals("DCC", ops(al.align(new int[] {1, 1, 1}, new int[] {1, 1})));
    // a substitution (4) is cheaper than a deletion plus an insertion (6)
    assertEquals("S", ops(al.align(new int[] {1}, new int[] {2})));
  }

  @Test
  void costIsMinimalAgainstBruteForce() {
    Random rnd = new Random(3);
    WordAligner al = new WordAligner();
    for (int trial = 0; trial < 300; trial++) {
      int[] r = random(rnd, rnd.nextInt(7));
      int[] h = random(rnd, rnd.nextInt(7));
      Alignment a = al.align(r, h);
      int cost = 3 * (a.count(EditOp.INSERTION) + a.count(EditOp.DELETION)) + 4 * a.count(EditOp.SUBSTITUTION);
      assertEquals(bruteForce(r, 0, h, 0), cost);
      assertEquals(r.length, a.count(EditOp.CORRECT) + a.count(EditOp.SUBSTITUTION) + a.count(EditOp.DELETION));
      assertEquals(h.length, a.count(EditOp.CORRECT) + a.count(EditOp.SUBSTITUTION) + a.count(EditOp.INSERTION));
    }
  }

  @Test
  void rejectsNonPositiveCosts() {
    assertThrows(IllegalArgumentException.class, () -> new AlignmentCosts(0, 3, 4));
  }

  private static int[] random(Random rnd, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(3);
    }
    return v;
  }

  private static int bruteForce(int[] r, int i, int[] h, int j) {
    if (i == r.length) {
      return 3 * (h.length - j);
    }
    if (j == h.length) {
      return 3 * (r.length - i);
    }
    int diag = bruteForce(r, i + 1, h, j + 1) + (r[i] == h[j] ? 0 : 4);
    return Math.min(diag, Math.min(bruteForce(r, i + 1, h, j) + 3, bruteForce(r, i, h, j + 1) + 3));
  }
}
