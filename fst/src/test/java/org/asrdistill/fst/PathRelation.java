package org.asrdistill.fst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Brute-force reference: the weighted relation of an FST as a map from "input labels | output labels"
 * (epsilons dropped) to the semiring sum of the weights of all paths with those strings, by enumerating
 * paths. Acyclic FSTs give the whole relation; with maxArcs, only paths of at most that many arcs.
 */
public final class PathRelation {
  private PathRelation() {
  }

  public static Map<String, Double> of(Fst f) {
    return of(f, Integer.MAX_VALUE);
  }

  public static Map<String, Double> of(Fst f, int maxArcs) {
    Map<String, Double> out = new HashMap<>();
    if (f.start() >= 0) {
      walk(f, f.start(), new ArrayList<>(), new ArrayList<>(), 0.0, 0, maxArcs, out);
    }
    return out;
  }

  private static void walk(Fst f, int s, List<Integer> in, List<Integer> outL, double w, int depth, int max,
      Map<String, Double> out) {
    if (depth > 10_000) {
      throw new IllegalArgumentException("path too long: cyclic FST without an arc bound");
    }
    Semiring sr = f.semiring();
    if (f.isFinal(s)) {
      out.merge(in + "|" + outL, sr.times(w, f.finalWeight(s)), sr::plus);
    }
    if (depth == max) {
      return;
    }
    for (int a = 0; a < f.numArcs(s); a++) {
      int il = f.ilabel(s, a);
      int ol = f.olabel(s, a);
      if (il != 0) {
        in.add(il);
      }
      if (ol != 0) {
        outL.add(ol);
      }
      walk(f, f.nextState(s, a), in, outL, sr.times(w, f.weight(s, a)), depth + 1, max, out);
      if (il != 0) {
        in.remove(in.size() - 1);
      }
      if (ol != 0) {
        outL.remove(outL.size() - 1);
      }
    }
  }

  /** Null when the relations agree within tol (absolute, on weights), else a description of a difference. */
  public static String difference(Map<String, Double> a, Map<String, Double> b, double tol) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      double x = a.getOrDefault(k, Double.POSITIVE_INFINITY);
      double y = b.getOrDefault(k, Double.POSITIVE_INFINITY);
      if (!Semiring.approxEqual(x, y, tol * Math.max(1, Math.abs(x)))) {
        return k + ": " + x + " vs " + y;
      }
    }
    return null;
  }
}
