package org.asrdistill.fst.ops;

import java.util.Arrays;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Scc;
import org.asrdistill.fst.Semiring;

/**
 * Single-source shortest distances (semiring sums over all paths), Mohri's generic algorithm with a queue
 * that visits strongly connected components in topological order and is FIFO within a component, as
 * OpenFst's default (auto) queue. Exact on acyclic FSTs; on cycles iterates until no distance changes by
 * more than {@code delta}. Sums are accumulated in double. Does not modify its input.
 */
public final class ShortestDistance {
  private ShortestDistance() {
  }

  /**
   * Distance from the start state to every state. O(V + E) on acyclic FSTs; on cyclic ones O(E) per pass
   * over a component, with the number of passes bounded by convergence (tropical: by V, for FSTs without
   * negative cycles). Fails if the relaxations exceed 1000 * (V + E) + 10^6 (a diverging cycle).
   */
  public static double[] forward(Fst fst, double delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("delta must be > 0; got: " + delta);
    }
    int n = fst.numStates();
    double[] d = new double[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    if (fst.start() < 0) {
      return d;
    }
    Semiring sr = fst.semiring();
    double[] r = new double[n];
    Arrays.fill(r, Double.POSITIVE_INFINITY);
    Scc scc = Scc.of(fst);
    int nc = scc.numComponents();
    int[] head = new int[nc];
    int[] tail = new int[nc];
    Arrays.fill(head, -1);
    int[] link = new int[n];
    boolean[] queued = new boolean[n];
    int s0 = fst.start();
    d[s0] = Semiring.ONE;
    r[s0] = Semiring.ONE;
    int cur = scc.component(s0);
    head[cur] = tail[cur] = s0;
    link[s0] = -1;
    queued[s0] = true;
    long budget = 1000L * (n + fst.totalArcs()) + 1_000_000L;
    while (true) {
      while (cur < nc && head[cur] < 0) {
        cur++;
      }
      if (cur >= nc) {
        break;
      }
      int q = head[cur];
      head[cur] = link[q];
      queued[q] = false;
      double rq = r[q];
      r[q] = Double.POSITIVE_INFINITY;
      for (int a = 0; a < fst.numArcs(q); a++) {
        if (--budget < 0) {
          throw new IllegalStateException("shortest distance does not converge (a cycle with weight below one?)");
        }
        int t = fst.nextState(q, a);
        double x = sr.times(rq, fst.weight(q, a));
        double nd = sr.plus(d[t], x);
        if (!Semiring.approxEqual(d[t], nd, delta)) {
          d[t] = nd;
          r[t] = sr.plus(r[t], x);
          if (!queued[t]) {
            int c = scc.component(t);
            link[t] = -1;
            if (head[c] < 0) {
              head[c] = t;
            } else {
              link[tail[c]] = t;
            }
            tail[c] = t;
            queued[t] = true;
          }
        }
      }
    }
    return d;
  }

  /**
   * Distance from every state to the final states (including final weights), computed on the reversed
   * FST. Same complexity as {@link #forward}.
   */
  public static double[] reverse(Fst fst, double delta) {
    double[] dr = forward(Reverse.reverse(fst), delta);
    double[] out = new double[fst.numStates()];
    for (int s = 0; s < out.length; s++) {
      out[s] = dr[s + 1];
    }
    return out;
  }

  /** The semiring sum of all successful path weights (the reverse distance of the start state). */
  public static double total(Fst fst, double delta) {
    return fst.start() < 0 ? Double.POSITIVE_INFINITY : reverse(fst, delta)[fst.start()];
  }
}
