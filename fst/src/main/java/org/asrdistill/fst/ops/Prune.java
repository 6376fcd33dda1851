package org.asrdistill.fst.ops;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/** Weight-threshold pruning in the tropical semiring, as OpenFst's Prune. */
public final class Prune {
  private Prune() {
  }

  /**
   * Returns a new trimmed FST keeping only arcs and final weights on some successful path whose weight is
   * within {@code threshold} of the best path's. O(V + E) plus two shortest-distance computations. Does
   * not modify its input.
   */
  public static VectorFst prune(Fst fst, double threshold, double delta) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold must be >= 0; got: " + threshold);
    }
    if (fst.semiring() != Semiring.TROPICAL) {
      throw new IllegalArgumentException("prune needs the tropical semiring; got: " + fst.semiring());
    }
    VectorFst out = new VectorFst(fst.semiring());
    out.setInputSymbols(fst.inputSymbols());
    out.setOutputSymbols(fst.outputSymbols());
    if (fst.start() < 0) {
      return out;
    }
    double[] d = ShortestDistance.forward(fst, delta);
    double[] r = ShortestDistance.reverse(fst, delta);
    double limit = r[fst.start()] + threshold + 1e-6 * Math.max(1, Math.abs(r[fst.start()]));
    for (int s = 0; s < fst.numStates(); s++) {
      out.addState();
    }
    out.setStart(fst.start());
    for (int s = 0; s < fst.numStates(); s++) {
      if (fst.isFinal(s) && d[s] + fst.finalWeight(s) <= limit) {
        out.setFinal(s, fst.finalWeight(s));
      }
      for (int a = 0; a < fst.numArcs(s); a++) {
        int t = fst.nextState(s, a);
        if (d[s] + fst.weight(s, a) + r[t] <= limit) {
          out.addArc(s, fst.ilabel(s, a), fst.olabel(s, a), fst.weight(s, a), t);
        }
      }
    }
    Connect.connect(out);
    return out;
  }
}
