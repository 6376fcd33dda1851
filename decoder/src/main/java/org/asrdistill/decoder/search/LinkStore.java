package org.asrdistill.decoder.search;

import java.util.Arrays;

/**
 * Forward links recorded during lattice search, in parallel primitive arrays: target token, input and
 * output label, graph cost, acoustic cost and the next link of the same source token (-1 ends a list).
 */
final class LinkStore {
  int n;
  int[] to = new int[4096];
  int[] ilabel = new int[4096];
  int[] olabel = new int[4096];
  float[] graph = new float[4096];
  float[] acoustic = new float[4096];
  int[] next = new int[4096];

  void clear() {
    n = 0;
  }

  /** Appends a link and returns its index (the new head of its source's list). */
  int add(int target, int il, int ol, float g, float ac, int nextLink) {
    if (n == to.length) {
      int cap = 2 * n;
      to = Arrays.copyOf(to, cap);
      ilabel = Arrays.copyOf(ilabel, cap);
      olabel = Arrays.copyOf(olabel, cap);
      graph = Arrays.copyOf(graph, cap);
      acoustic = Arrays.copyOf(acoustic, cap);
      next = Arrays.copyOf(next, cap);
    }
    to[n] = target;
    ilabel[n] = il;
    olabel[n] = ol;
    graph[n] = g;
    acoustic[n] = ac;
    next[n] = nextLink;
    return n++;
  }

  TokenLattice.Links snapshot() {
    return new TokenLattice.Links(n, Arrays.copyOf(to, n), Arrays.copyOf(ilabel, n), Arrays.copyOf(olabel, n),
        Arrays.copyOf(graph, n), Arrays.copyOf(acoustic, n), Arrays.copyOf(next, n));
  }
}
