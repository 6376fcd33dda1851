package org.asrdistill.decoder.graph;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.Connect;

/**
 * A conservative form of Kaldi's {@code fstrmepslocal}: removes epsilon:epsilon arcs only where that cannot grow
 * the FST: an arc into a non-start, non-final state whose only arc it is (the target's arcs are copied up with
 * the weight multiplied in, and the target becomes unreachable). Tropical weights; path weights are unchanged.
 */
final class EpsilonLocal {
  private EpsilonLocal() {
  }

  /** In place; O(V + E) per pass, repeated while something changes (bounded by the number of states). */
  static void remove(VectorFst f) {
    int n = f.numStates();
    boolean changed = true;
    for (int pass = 0; changed && pass < n; pass++) {
      changed = false;
      int[] inDeg = new int[n];
      for (int s = 0; s < n; s++) {
        for (int a = 0; a < f.numArcs(s); a++) {
          inDeg[f.nextState(s, a)]++;
        }
      }
      for (int s = 0; s < n; s++) {
        for (int a = 0; a < f.numArcs(s); a++) {
          int t = f.nextState(s, a);
          if (f.ilabel(s, a) != Fst.EPSILON || f.olabel(s, a) != Fst.EPSILON || t == s || t == f.start()
              || inDeg[t] != 1 || f.isFinal(t)) {
            continue;
          }
          float w = f.weight(s, a);
          int k = f.numArcs(t);
          // replace arc a by t's first arc, append the others
          for (int b = 0; b < k; b++) {
            float wb = f.weight(t, b) + w;
            if (b == 0) {
              f.setArc(s, a, f.ilabel(t, b), f.olabel(t, b), wb, f.nextState(t, b));
            } else {
              f.addArc(s, f.ilabel(t, b), f.olabel(t, b), wb, f.nextState(t, b));
            }
          }
          if (k == 0) {
            f.setArc(s, a, 0, 0, f.weight(s, a), t); // dead end: leave it for Connect
            continue;
          }
          f.deleteArcs(t);
          inDeg[t] = 0;
          changed = true;
          a--; // re-examine the arc now at index a
        }
      }
    }
    Connect.connect(f);
  }
}
