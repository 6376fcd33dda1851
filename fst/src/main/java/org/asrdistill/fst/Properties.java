package org.asrdistill.fst;

/**
 * OpenFst's property bits (values from OpenFst's properties.h) and their computation. Trinary properties
 * have a positive and a negative bit; when neither is set the property is unknown.
 */
public final class Properties {
  public static final long EXPANDED = 0x1L;
  public static final long MUTABLE = 0x2L;
  public static final long ACCEPTOR = 0x10000L;
  public static final long NOT_ACCEPTOR = 0x20000L;
  public static final long I_DETERMINISTIC = 0x40000L;
  public static final long NON_I_DETERMINISTIC = 0x80000L;
  public static final long O_DETERMINISTIC = 0x100000L;
  public static final long NON_O_DETERMINISTIC = 0x200000L;
  public static final long EPSILONS = 0x400000L;
  public static final long NO_EPSILONS = 0x800000L;
  public static final long I_EPSILONS = 0x1000000L;
  public static final long NO_I_EPSILONS = 0x2000000L;
  public static final long O_EPSILONS = 0x4000000L;
  public static final long NO_O_EPSILONS = 0x8000000L;
  public static final long I_LABEL_SORTED = 0x10000000L;
  public static final long NOT_I_LABEL_SORTED = 0x20000000L;
  public static final long O_LABEL_SORTED = 0x40000000L;
  public static final long NOT_O_LABEL_SORTED = 0x80000000L;
  public static final long WEIGHTED = 0x100000000L;
  public static final long UNWEIGHTED = 0x200000000L;
  public static final long CYCLIC = 0x400000000L;
  public static final long ACYCLIC = 0x800000000L;
  public static final long INITIAL_CYCLIC = 0x1000000000L;
  public static final long INITIAL_ACYCLIC = 0x2000000000L;
  public static final long TOP_SORTED = 0x4000000000L;
  public static final long NOT_TOP_SORTED = 0x8000000000L;
  public static final long ACCESSIBLE = 0x10000000000L;
  public static final long NOT_ACCESSIBLE = 0x20000000000L;
  public static final long CO_ACCESSIBLE = 0x40000000000L;
  public static final long NOT_CO_ACCESSIBLE = 0x80000000000L;

  private Properties() {
  }

  /**
   * Computes the label, epsilon, sortedness, weightedness, determinism, cycle, topological-order and
   * accessibility properties (both bits of each known property). O(V + E) plus O(E log d) for determinism.
   * Does not modify the FST.
   */
  public static long compute(Fst fst) {
    boolean acceptor = true;
    boolean iDet = true;
    boolean oDet = true;
    boolean eps = false;
    boolean iEps = false;
    boolean oEps = false;
    boolean iSorted = true;
    boolean oSorted = true;
    boolean weighted = false;
    for (int s = 0; s < fst.numStates(); s++) {
      float f = fst.finalWeight(s);
      if (f != Semiring.ONE && f != Semiring.ZERO) {
        weighted = true;
      }
      int n = fst.numArcs(s);
      java.util.HashSet<Integer> in = new java.util.HashSet<>();
      java.util.HashSet<Integer> out = new java.util.HashSet<>();
      for (int a = 0; a < n; a++) {
        int i = fst.ilabel(s, a);
        int o = fst.olabel(s, a);
        acceptor &= i == o;
        eps |= i == 0 && o == 0;
        iEps |= i == 0;
        oEps |= o == 0;
        if (a > 0) {
          iSorted &= fst.ilabel(s, a - 1) <= i;
          oSorted &= fst.olabel(s, a - 1) <= o;
        }
        iDet &= in.add(i);
        oDet &= out.add(o);
        if (fst.weight(s, a) != Semiring.ONE) {
          weighted = true;
        }
      }
    }
    long p = EXPANDED;
    p |= acceptor ? ACCEPTOR : NOT_ACCEPTOR;
    p |= iDet ? I_DETERMINISTIC : NON_I_DETERMINISTIC;
    p |= oDet ? O_DETERMINISTIC : NON_O_DETERMINISTIC;
    p |= eps ? EPSILONS : NO_EPSILONS;
    p |= iEps ? I_EPSILONS : NO_I_EPSILONS;
    p |= oEps ? O_EPSILONS : NO_O_EPSILONS;
    p |= iSorted ? I_LABEL_SORTED : NOT_I_LABEL_SORTED;
    p |= oSorted ? O_LABEL_SORTED : NOT_O_LABEL_SORTED;
    p |= weighted ? WEIGHTED : UNWEIGHTED;
    return p | graphProperties(fst);
  }

  private static long graphProperties(Fst fst) {
    int n = fst.numStates();
    if (n == 0) {
      return ACYCLIC | INITIAL_ACYCLIC | TOP_SORTED | ACCESSIBLE | CO_ACCESSIBLE;
    }
    Scc scc = Scc.of(fst);
    boolean cyclic = false;
    boolean initialCyclic = false;
    boolean topSorted = true;
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        int t = fst.nextState(s, a);
        if (scc.component(s) == scc.component(t)) {
          cyclic = true;
          if (fst.start() >= 0 && scc.component(s) == scc.component(fst.start())) {
            initialCyclic = true;
          }
        }
        if (t <= s) {
          topSorted = false;
        }
      }
    }
    boolean[] acc = scc.accessible();
    boolean[] coacc = scc.coaccessible();
    boolean allAcc = true;
    boolean allCoacc = true;
    for (int s = 0; s < n; s++) {
      allAcc &= acc[s];
      allCoacc &= coacc[s];
    }
    long p = cyclic ? CYCLIC : ACYCLIC;
    p |= initialCyclic ? INITIAL_CYCLIC : INITIAL_ACYCLIC;
    p |= topSorted ? TOP_SORTED : NOT_TOP_SORTED;
    p |= allAcc ? ACCESSIBLE : NOT_ACCESSIBLE;
    p |= allCoacc ? CO_ACCESSIBLE : NOT_CO_ACCESSIBLE;
    return p;
  }
}
