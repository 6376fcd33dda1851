package org.asrdistill.fst;

import java.util.Arrays;

/**
 * Strongly connected components (iterative Tarjan), numbered in topological order of the component graph
 * (arcs go from lower to higher or equal component numbers), plus accessibility and coaccessibility.
 * O(V + E) time and memory; does not modify the FST.
 */
public final class Scc {
  private final int[] comp;
  private final int numComponents;
  private final boolean[] accessible;
  private final boolean[] coaccessible;

  private Scc(int[] comp, int numComponents, boolean[] accessible, boolean[] coaccessible) {
    this.comp = comp;
    this.numComponents = numComponents;
    this.accessible = accessible;
    this.coaccessible = coaccessible;
  }

  public static Scc of(Fst fst) {
    int n = fst.numStates();
    int[] index = new int[n];
    int[] low = new int[n];
    int[] comp = new int[n];
    Arrays.fill(index, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    int[] callState = new int[n];
    int[] callArc = new int[n];
    int counter = 0;
    int nComp = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callState[0] = root;
      callArc[0] = 0;
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int s = callState[depth];
        if (callArc[depth] < fst.numArcs(s)) {
          int t = fst.nextState(s, callArc[depth]++);
          if (index[t] < 0) {
            index[t] = low[t] = counter++;
            stack[sp++] = t;
            onStack[t] = true;
            depth++;
            callState[depth] = t;
            callArc[depth] = 0;
          } else if (onStack[t]) {
            low[s] = Math.min(low[s], index[t]);
          }
        } else {
          if (low[s] == index[s]) {
            int t;
            do {
              t = stack[--sp];
              onStack[t] = false;
              comp[t] = nComp;
            } while (t != s);
            nComp++;
          }
          depth--;
          if (depth >= 0) {
            int p = callState[depth];
            low[p] = Math.min(low[p], low[s]);
          }
        }
      }
    }
    for (int s = 0; s < n; s++) {
      comp[s] = nComp - 1 - comp[s];
    }
    boolean[] acc = new boolean[n];
    if (fst.start() >= 0) {
      int[] queue = new int[n];
      int head = 0;
      int tail = 0;
      acc[fst.start()] = true;
      queue[tail++] = fst.start();
      while (head < tail) {
        int s = queue[head++];
        for (int a = 0; a < fst.numArcs(s); a++) {
          int t = fst.nextState(s, a);
          if (!acc[t]) {
            acc[t] = true;
            queue[tail++] = t;
          }
        }
      }
    }
    boolean[] coacc = coaccessible(fst, comp, nComp);
    return new Scc(comp, nComp, acc, coacc);
  }

  private static boolean[] coaccessible(Fst fst, int[] comp, int nComp) {
    int n = fst.numStates();
    // Components in decreasing topological order: a state is coaccessible if final or an arc leads to a
    // coaccessible state; within a component any member's success spreads to all members.
    int[][] members = new int[nComp][];
    int[] count = new int[nComp];
    for (int s = 0; s < n; s++) {
      count[comp[s]]++;
    }
    for (int c = 0; c < nComp; c++) {
      members[c] = new int[count[c]];
      count[c] = 0;
    }
    for (int s = 0; s < n; s++) {
      members[comp[s]][count[comp[s]]++] = s;
    }
    boolean[] compCo = new boolean[nComp];
    boolean[] co = new boolean[n];
    for (int c = nComp - 1; c >= 0; c--) {
      boolean ok = false;
      for (int s : members[c]) {
        if (fst.isFinal(s)) {
          ok = true;
          break;
        }
        for (int a = 0; a < fst.numArcs(s) && !ok; a++) {
          int t = comp[fst.nextState(s, a)];
          ok = t != c && compCo[t];
        }
        if (ok) {
          break;
        }
      }
      compCo[c] = ok;
      for (int s : members[c]) {
        co[s] = ok;
      }
    }
    return co;
  }

  /** Component of state s; components are numbered in topological order. */
  public int component(int s) {
    return comp[s];
  }

  public int numComponents() {
    return numComponents;
  }

  /** Per state: reachable from the start state. */
  public boolean[] accessible() {
    return accessible.clone();
  }

  /** Per state: can reach a final state. */
  public boolean[] coaccessible() {
    return coaccessible.clone();
  }
}
