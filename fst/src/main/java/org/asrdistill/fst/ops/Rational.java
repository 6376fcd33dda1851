package org.asrdistill.fst.ops;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/** Rational operations: union, concatenation and closure. Each returns a new FST in O(V + E). */
public final class Rational {
  private Rational() {
  }

  /** A new FST for the union: a new start state with epsilon arcs to both starts. Inputs untouched. */
  public static VectorFst union(Fst a, Fst b) {
    check(a, b);
    VectorFst out = VectorFst.copyOf(a);
    int off = append(out, b);
    int s = out.addState();
    if (a.start() >= 0) {
      out.addArc(s, Fst.EPSILON, Fst.EPSILON, Semiring.ONE, a.start());
    }
    if (b.start() >= 0) {
      out.addArc(s, Fst.EPSILON, Fst.EPSILON, Semiring.ONE, b.start() + off);
    }
    out.setStart(s);
    return out;
  }

  /** A new FST for a followed by b: epsilon arcs from a's final states (weighted by their final weights). */
  public static VectorFst concat(Fst a, Fst b) {
    check(a, b);
    VectorFst out = VectorFst.copyOf(a);
    int off = append(out, b);
    if (b.start() < 0 || a.start() < 0) {
      out.deleteAllStates();
      return out;
    }
    for (int s = 0; s < a.numStates(); s++) {
      if (a.isFinal(s)) {
        out.addArc(s, Fst.EPSILON, Fst.EPSILON, a.finalWeight(s), b.start() + off);
        out.setFinal(s, Semiring.ZERO);
      }
    }
    out.setOutputSymbols(b.outputSymbols() != null ? b.outputSymbols() : a.outputSymbols());
    return out;
  }

  /**
   * A new FST for the Kleene closure: epsilon arcs from final states back to the start; for star (not plus)
   * also a new final start state, so the empty string is accepted.
   */
  public static VectorFst closure(Fst a, boolean star) {
    VectorFst out = VectorFst.copyOf(a);
    if (a.start() < 0) {
      if (star) {
        out.setStart(out.addState());
        out.setFinal(out.start(), Semiring.ONE);
      }
      return out;
    }
    for (int s = 0; s < a.numStates(); s++) {
      if (a.isFinal(s)) {
        out.addArc(s, Fst.EPSILON, Fst.EPSILON, a.finalWeight(s), a.start());
      }
    }
    if (star) {
      int s = out.addState();
      out.setFinal(s, Semiring.ONE);
      out.addArc(s, Fst.EPSILON, Fst.EPSILON, Semiring.ONE, a.start());
      out.setStart(s);
    }
    return out;
  }

  private static int append(VectorFst out, Fst b) {
    int off = out.numStates();
    for (int s = 0; s < b.numStates(); s++) {
      int q = out.addState();
      out.setFinal(q, b.finalWeight(s));
      for (int k = 0; k < b.numArcs(s); k++) {
        out.addArc(q, b.ilabel(s, k), b.olabel(s, k), b.weight(s, k), b.nextState(s, k) + off);
      }
    }
    return off;
  }

  private static void check(Fst a, Fst b) {
    if (a.semiring() != b.semiring()) {
      throw new IllegalArgumentException("both FSTs must use one semiring; got: " + a.semiring() + " and "
          + b.semiring());
    }
  }
}
