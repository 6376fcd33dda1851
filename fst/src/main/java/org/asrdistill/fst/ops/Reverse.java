package org.asrdistill.fst.ops;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/** Reversal, as OpenFst's Reverse: a new super-initial state 0 and every original state q becomes q + 1. */
public final class Reverse {
  private Reverse() {
  }

  /**
   * Returns a new FST accepting the reversed relation: state 0 has an epsilon arc to q + 1 weighted by
   * final(q) for each final q; each arc p -> q becomes q + 1 -> p + 1; the old start becomes final with
   * weight one. O(V + E); does not modify its input. (Weights are unchanged: both semirings are commutative.)
   */
  public static VectorFst reverse(Fst fst) {
    VectorFst out = new VectorFst(fst.semiring());
    int n = fst.numStates();
    out.reserveStates(n + 1);
    int[] indeg = new int[n + 1];
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        indeg[fst.nextState(s, a) + 1]++;
      }
    }
    for (int s = 0; s <= n; s++) {
      out.addState();
      if (indeg[s] > 0) {
        out.reserveArcs(s, indeg[s]);
      }
    }
    if (n == 0) {
      out.deleteAllStates();
      return out;
    }
    out.setStart(0);
    for (int s = 0; s < n; s++) {
      if (fst.isFinal(s)) {
        out.addArc(0, Fst.EPSILON, Fst.EPSILON, fst.finalWeight(s), s + 1);
      }
      for (int a = 0; a < fst.numArcs(s); a++) {
        out.addArc(fst.nextState(s, a) + 1, fst.ilabel(s, a), fst.olabel(s, a), fst.weight(s, a), s + 1);
      }
    }
    if (fst.start() >= 0) {
      out.setFinal(fst.start() + 1, Semiring.ONE);
    }
    out.setInputSymbols(fst.inputSymbols());
    out.setOutputSymbols(fst.outputSymbols());
    return out;
  }
}
