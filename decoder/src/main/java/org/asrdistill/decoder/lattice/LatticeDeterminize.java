package org.asrdistill.decoder.lattice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Determinization of a state-level {@link Lattice} on its output labels (words) into a
 * {@link CompactLattice}, as Kaldi's lattice determinization: for every word sequence exactly one path
 * remains, carrying the best (graph, acoustic) pair among the input paths with that word sequence (the
 * {@link LatticeWeight} plus) and that path's transition-ids as its string. Weighted subset construction:
 * a subset holds, per lattice state, the residual pair weight and residual transition-id string of the
 * best path into it; word-epsilon arcs are followed within a subset (epsilon closure); the arc to a new
 * subset carries the best member's weight and the longest common prefix of the members' strings. Exact
 * (no quantisation); terminates on acyclic lattices. Fails with IllegalStateException when more than
 * {@code maxStates} subsets are needed.
 */
public final class LatticeDeterminize {
  private LatticeDeterminize() {
  }

  private record Elem(int state, double g, double a, int[] str) {
  }

  /** Determinizes {@code lat} (unchanged). Cost: O(output states x subset size x out-degree) plus strings. */
  public static CompactLattice determinize(Lattice lat, int maxStates) {
    CompactLattice out = new CompactLattice();
    if (lat.start() < 0) {
      return out;
    }
    Map<String, Integer> ids = new HashMap<>();
    List<Elem[]> subsets = new ArrayList<>();
    Map<Integer, Elem> init = new HashMap<>();
    init.put(lat.start(), new Elem(lat.start(), 0, 0, new int[0]));
    Elem[] first = canonical(closure(lat, init));
    ids.put(key(first), out.addState());
    subsets.add(first);
    out.setStart(0);
    for (int id = 0; id < subsets.size(); id++) {
      Elem[] sub = subsets.get(id);
      Elem bestFinal = null;
      TreeMap<Integer, Map<Integer, Elem>> byWord = new TreeMap<>();
      for (Elem e : sub) {
        int s = e.state;
        if (lat.isFinal(s)) {
          Elem f = new Elem(s, e.g + lat.finalGraph(s), e.a + lat.finalAcoustic(s), e.str);
          if (bestFinal == null || LatticeWeight.compare(f.g, f.a, bestFinal.g, bestFinal.a) > 0) {
            bestFinal = f;
          }
        }
        for (int k = 0; k < lat.numArcs(s); k++) {
          int w = lat.olabel(s, k);
          if (w == 0) {
            continue;
          }
          int il = lat.ilabel(s, k);
          Elem c = new Elem(lat.nextState(s, k), e.g + lat.graph(s, k), e.a + lat.acoustic(s, k),
              il != 0 ? append(e.str, il) : e.str);
          relax(byWord.computeIfAbsent(w, x -> new HashMap<>()), c);
        }
      }
      if (bestFinal != null) {
        out.setFinal(id, (float) bestFinal.g, (float) bestFinal.a, bestFinal.str);
      }
      for (Map.Entry<Integer, Map<Integer, Elem>> en : byWord.entrySet()) {
        Elem[] closed = canonical(closure(lat, en.getValue()));
        Elem best = closed[0];
        for (Elem e : closed) {
          if (LatticeWeight.compare(e.g, e.a, best.g, best.a) > 0) {
            best = e;
          }
        }
        int prefix = closed[0].str.length;
        for (Elem e : closed) {
          prefix = Math.min(prefix, Arrays.mismatch(closed[0].str, e.str) < 0 ? prefix
              : Arrays.mismatch(closed[0].str, e.str));
        }
        Elem[] residual = new Elem[closed.length];
        for (int i = 0; i < closed.length; i++) {
          Elem e = closed[i];
          residual[i] = new Elem(e.state, (float) (e.g - best.g), (float) (e.a - best.a),
              Arrays.copyOfRange(e.str, prefix, e.str.length));
        }
        String k = key(residual);
        Integer next = ids.get(k);
        if (next == null) {
          if (subsets.size() >= maxStates) {
            throw new IllegalStateException("lattice determinization needs more than " + maxStates + " states");
          }
          next = out.addState();
          ids.put(k, next);
          subsets.add(residual);
        }
        out.addArc(id, en.getKey(), (float) best.g, (float) best.a, Arrays.copyOf(closed[0].str, prefix), next);
      }
    }
    return out;
  }

  /** Follows word-epsilon arcs from the members, keeping the best path per state. */
  private static Map<Integer, Elem> closure(Lattice lat, Map<Integer, Elem> members) {
    ArrayDeque<Elem> queue = new ArrayDeque<>(members.values());
    while (!queue.isEmpty()) {
      Elem e = queue.poll();
      if (members.get(e.state) != e) {
        continue;
      }
      for (int k = 0; k < lat.numArcs(e.state); k++) {
        if (lat.olabel(e.state, k) != 0) {
          continue;
        }
        int il = lat.ilabel(e.state, k);
        Elem c = new Elem(lat.nextState(e.state, k), e.g + lat.graph(e.state, k), e.a + lat.acoustic(e.state, k),
            il != 0 ? append(e.str, il) : e.str);
        if (relax(members, c)) {
          queue.add(c);
        }
      }
    }
    return members;
  }

  private static boolean relax(Map<Integer, Elem> m, Elem c) {
    Elem old = m.get(c.state);
    if (old == null || LatticeWeight.compare(c.g, c.a, old.g, old.a) > 0) {
      m.put(c.state, c);
      return true;
    }
    return false;
  }

  private static Elem[] canonical(Map<Integer, Elem> m) {
    Elem[] r = m.values().toArray(new Elem[0]);
    Arrays.sort(r, (x, y) -> Integer.compare(x.state, y.state));
    return r;
  }

  private static String key(Elem[] sub) {
    StringBuilder sb = new StringBuilder();
    for (Elem e : sub) {
      sb.append(e.state).append(':').append(Float.floatToIntBits((float) e.g)).append(',')
          .append(Float.floatToIntBits((float) e.a));
      for (int x : e.str) {
        sb.append('_').append(x);
      }
      sb.append(';');
    }
    return sb.toString();
  }

  private static int[] append(int[] s, int x) {
    int[] r = Arrays.copyOf(s, s.length + 1);
    r[s.length] = x;
    return r;
  }
}
