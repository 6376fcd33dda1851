package org.asrdistill.fst.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/** N-best shortest paths in the tropical semiring (paths, not unique strings, as OpenFst's default). */
public final class ShortestPath {
  private ShortestPath() {
  }

  /**
   * Returns a new FST holding the n lowest-weight successful paths as a tree from the start (shared
   * prefixes share states). A* search with the exact distance-to-final as heuristic; each state is expanded
   * at most n times: O(n * (V + E) log(n * E)) plus one reverse shortest distance. Needs the tropical
   * semiring and no negative-weight cycles. Does not modify its input.
   */
  public static VectorFst nShortest(Fst fst, int n, double delta) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1; got: " + n);
    }
    if (fst.semiring() != Semiring.TROPICAL) {
      throw new IllegalArgumentException("shortest path needs the tropical semiring; got: " + fst.semiring());
    }
    VectorFst out = new VectorFst(fst.semiring());
    out.setInputSymbols(fst.inputSymbols());
    out.setOutputSymbols(fst.outputSymbols());
    if (fst.start() < 0) {
      return out;
    }
    double[] rev = ShortestDistance.reverse(fst, delta);
    if (rev[fst.start()] == Double.POSITIVE_INFINITY) {
      return out;
    }
    // Search nodes: state (-1 = super-final), cost so far, parent node, arc taken from the parent.
    List<int[]> nodes = new ArrayList<>();
    List<Double> cost = new ArrayList<>();
    PriorityQueue<double[]> heap = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0])
        : Double.compare(x[1], y[1]));
    nodes.add(new int[] {fst.start(), -1, -1});
    cost.add(0.0);
    heap.add(new double[] {rev[fst.start()], 0});
    int[] expanded = new int[fst.numStates()];
    List<Integer> found = new ArrayList<>();
    while (!heap.isEmpty() && found.size() < n) {
      int id = (int) heap.poll()[1];
      int[] node = nodes.get(id);
      int s = node[0];
      if (s < 0) {
        found.add(id);
        continue;
      }
      if (expanded[s]++ >= n) {
        continue;
      }
      double g = cost.get(id);
      if (fst.isFinal(s)) {
        push(nodes, cost, heap, new int[] {-1, id, -1}, g + fst.finalWeight(s), 0);
      }
      for (int a = 0; a < fst.numArcs(s); a++) {
        int t = fst.nextState(s, a);
        if (rev[t] != Double.POSITIVE_INFINITY) {
          push(nodes, cost, heap, new int[] {t, id, a}, g + fst.weight(s, a), rev[t]);
        }
      }
    }
    int[] map = new int[nodes.size()];
    java.util.Arrays.fill(map, -1);
    for (int leaf : found) {
      int[] fin = nodes.get(leaf);
      int last = materialise(fst, out, nodes, map, fin[1]);
      int[] prev = nodes.get(fin[1]);
      out.setFinal(last, fst.finalWeight(prev[0]));
    }
    return out;
  }

  private static void push(List<int[]> nodes, List<Double> cost, PriorityQueue<double[]> heap, int[] node,
      double g, double h) {
    nodes.add(node);
    cost.add(g);
    heap.add(new double[] {g + h, nodes.size() - 1});
  }

  private static int materialise(Fst fst, VectorFst out, List<int[]> nodes, int[] map, int id) {
    if (map[id] >= 0) {
      return map[id];
    }
    int[] node = nodes.get(id);
    int q = out.addState();
    map[id] = q;
    if (node[1] < 0) {
      out.setStart(q);
    } else {
      int p = materialise(fst, out, nodes, map, node[1]);
      int ps = nodes.get(node[1])[0];
      int a = node[2];
      out.addArc(p, fst.ilabel(ps, a), fst.olabel(ps, a), fst.weight(ps, a), q);
    }
    return q;
  }
}
