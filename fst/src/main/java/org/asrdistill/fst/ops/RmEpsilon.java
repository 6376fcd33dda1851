package org.asrdistill.fst.ops;

import java.util.Arrays;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/** Epsilon removal (arcs whose input and output labels are both epsilon), as OpenFst's RmEpsilon. */
public final class RmEpsilon {
  private RmEpsilon() {
  }

  /**
   * Returns a new equivalent FST without epsilon:epsilon arcs, trimmed (connected). For each state the
   * epsilon closure is computed by a shortest-distance pass over epsilon arcs only (converging within
   * {@code delta} on epsilon cycles); each closure state's non-epsilon arcs and final weight are copied,
   * weighted by the closure distance. O(V * (V_e + E_e) + V * E) in the worst case, where V_e, E_e are the
   * states and arcs reachable by epsilons; linear when closures are small. Does not modify its input.
   */
  public static VectorFst rmEpsilon(Fst fst, double delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("delta must be > 0; got: " + delta);
    }
    Semiring sr = fst.semiring();
    int n = fst.numStates();
    VectorFst out = new VectorFst(sr);
    out.reserveStates(n);
    for (int s = 0; s < n; s++) {
      out.addState();
    }
    out.setStart(fst.start());
    out.setInputSymbols(fst.inputSymbols());
    out.setOutputSymbols(fst.outputSymbols());
    double[] d = new double[n];
    double[] r = new double[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    Arrays.fill(r, Double.POSITIVE_INFINITY);
    boolean[] inQueue = new boolean[n];
    boolean[] touched = new boolean[n];
    int[] touchedList = new int[n];
    int[] queue = new int[n];
    for (int s = 0; s < n; s++) {
      // Closure from s over epsilon arcs: FIFO generic shortest distance.
      int nt = 0;
      int head = 0;
      int size = 0;
      d[s] = Semiring.ONE;
      r[s] = Semiring.ONE;
      touched[s] = true;
      touchedList[nt++] = s;
      queue[0] = s;
      size = 1;
      inQueue[s] = true;
      long budget = 1000L * n + 1_000_000L;
      while (size > 0) {
        int q = queue[head];
        head = (head + 1) % n;
        size--;
        inQueue[q] = false;
        double rq = r[q];
        r[q] = Double.POSITIVE_INFINITY;
        for (int a = 0; a < fst.numArcs(q); a++) {
          if (fst.ilabel(q, a) != Fst.EPSILON || fst.olabel(q, a) != Fst.EPSILON) {
            continue;
          }
          if (--budget < 0) {
            throw new IllegalStateException("epsilon closure of state " + s + " does not converge");
          }
          int t = fst.nextState(q, a);
          double x = sr.times(rq, fst.weight(q, a));
          double nd = sr.plus(d[t], x);
          if (!touched[t]) {
            touched[t] = true;
            touchedList[nt++] = t;
          }
          if (!Semiring.approxEqual(d[t], nd, delta)) {
            d[t] = nd;
            r[t] = sr.plus(r[t], x);
            if (!inQueue[t]) {
              inQueue[t] = true;
              queue[(head + size) % n] = t;
              size++;
            }
          }
        }
      }
      double fin = Double.POSITIVE_INFINITY;
      for (int i = 0; i < nt; i++) {
        int q = touchedList[i];
        double dq = d[q];
        if (dq != Double.POSITIVE_INFINITY) {
          fin = sr.plus(fin, sr.times(dq, fst.finalWeight(q)));
          for (int a = 0; a < fst.numArcs(q); a++) {
            int il = fst.ilabel(q, a);
            int ol = fst.olabel(q, a);
            if (il == Fst.EPSILON && ol == Fst.EPSILON) {
              continue;
            }
            out.addArc(s, il, ol, (float) sr.times(dq, fst.weight(q, a)), fst.nextState(q, a));
          }
        }
        d[q] = Double.POSITIVE_INFINITY;
        r[q] = Double.POSITIVE_INFINITY;
        touched[q] = false;
      }
      out.setFinal(s, (float) fin);
    }
    Connect.connect(out);
    return out;
  }
}
