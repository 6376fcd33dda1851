package org.asrdistill.fst.ops;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/** Weight pushing (OpenFst's Push with kPushWeights) towards the initial or the final states. */
public final class Push {
  private Push() {
  }

  /**
   * Returns a new FST with the same path weights where, pushing towards the initial state, the weights
   * leaving each state sum to one (stochastic), or, towards the final states, the weights entering each
   * state are pushed forward. The total weight stays on the start state's arcs and final weight (or on an
   * epsilon arc from a new start state when the start state lies on a cycle) unless
   * {@code removeTotalWeight}. States from which no final state is reachable keep their weights.
   * O(V + E) plus one shortest-distance computation. Does not modify its input.
   */
  public static VectorFst pushWeights(Fst fst, boolean toFinal, boolean removeTotalWeight, double delta) {
    Semiring sr = fst.semiring();
    VectorFst out = VectorFst.copyOf(fst);
    if (fst.start() < 0) {
      return out;
    }
    double[] pot = toFinal ? ShortestDistance.forward(fst, delta) : ShortestDistance.reverse(fst, delta);
    for (int s = 0; s < fst.numStates(); s++) {
      double ps = pot[s];
      if (ps == Double.POSITIVE_INFINITY) {
        continue;
      }
      for (int a = 0; a < fst.numArcs(s); a++) {
        int t = fst.nextState(s, a);
        double w = fst.weight(s, a);
        double nw = toFinal ? sr.divide(sr.times(ps, w), pot[t] == Double.POSITIVE_INFINITY ? 0 : pot[t])
            : (pot[t] == Double.POSITIVE_INFINITY ? w : sr.divide(sr.times(w, pot[t]), ps));
        out.setArc(s, a, fst.ilabel(s, a), fst.olabel(s, a), (float) nw, t);
      }
      double f = fst.finalWeight(s);
      out.setFinal(s, (float) (toFinal ? sr.times(ps, f) : sr.divide(f, ps)));
    }
    // Path weight now equals original * factor, where factor = 1/d(start) to initial, d(start) to final.
    double startPot = pot[fst.start()];
    if (startPot == Double.POSITIVE_INFINITY) {
      return out;
    }
    double fix;
    if (toFinal) {
      fix = sr.divide(Semiring.ONE, startPot);
      if (removeTotalWeight) {
        double total = ShortestDistance.total(out, delta);
        fix = sr.divide(fix, total == Double.POSITIVE_INFINITY ? 0 : sr.times(fix, total));
      }
    } else {
      fix = removeTotalWeight ? Semiring.ONE : startPot;
    }
    if (fix != Semiring.ONE) {
      applyAtStart(out, fix, delta);
    }
    return out;
  }

  /** Multiplies every path weight by w on the left, keeping the FST's structure when the start is acyclic. */
  static void applyAtStart(VectorFst fst, double w, double delta) {
    Semiring sr = fst.semiring();
    int s0 = fst.start();
    boolean startHasIncoming = false;
    for (int s = 0; s < fst.numStates() && !startHasIncoming; s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        if (fst.nextState(s, a) == s0) {
          startHasIncoming = true;
          break;
        }
      }
    }
    if (startHasIncoming) {
      int ns = fst.addState();
      fst.addArc(ns, Fst.EPSILON, Fst.EPSILON, (float) w, s0);
      fst.setStart(ns);
      return;
    }
    for (int a = 0; a < fst.numArcs(s0); a++) {
      fst.setArc(s0, a, fst.ilabel(s0, a), fst.olabel(s0, a), (float) sr.times(w, fst.weight(s0, a)),
          fst.nextState(s0, a));
    }
    if (fst.isFinal(s0)) {
      fst.setFinal(s0, (float) sr.times(w, fst.finalWeight(s0)));
    }
  }
}
