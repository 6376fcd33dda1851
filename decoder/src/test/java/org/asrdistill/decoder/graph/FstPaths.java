package org.asrdistill.decoder.graph;

import java.util.ArrayList;
import java.util.List;
import org.asrdistill.fst.Fst;

/** Test helper: brute-force enumeration of an FST's successful paths (non-epsilon labels and total cost). */
final class FstPaths {
  record Path(List<Integer> in, List<Integer> out, double cost) {
    String key() {
      return in + "->" + out;
    }
  }

  private FstPaths() {
  }

  /** All paths from the start to a final state with at most maxOut non-epsilon output labels and maxArcs arcs. */
  static List<Path> enumerate(Fst f, int maxOut, int maxArcs) {
    List<Path> out = new ArrayList<>();
    if (f.start() >= 0) {
      dfs(f, f.start(), new ArrayList<>(), new ArrayList<>(), 0, maxOut, maxArcs, out);
    }
    return out;
  }

  private static void dfs(Fst f, int s, List<Integer> in, List<Integer> o, double cost, int maxOut, int arcsLeft,
      List<Path> acc) {
    if (f.isFinal(s)) {
      acc.add(new Path(List.copyOf(in), List.copyOf(o), cost + f.finalWeight(s)));
    }
    if (arcsLeft == 0) {
      return;
    }
    for (int a = 0; a < f.numArcs(s); a++) {
      int il = f.ilabel(s, a);
      int ol = f.olabel(s, a);
      if (ol != 0 && o.size() == maxOut) {
        continue;
      }
      if (il != 0) {
        in.add(il);
      }
      if (ol != 0) {
        o.add(ol);
      }
      dfs(f, f.nextState(s, a), in, o, cost + f.weight(s, a), maxOut, arcsLeft - 1, acc);
      if (il != 0) {
        in.remove(in.size() - 1);
      }
      if (ol != 0) {
        o.remove(o.size() - 1);
      }
    }
  }
}
