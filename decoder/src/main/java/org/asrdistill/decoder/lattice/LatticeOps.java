package org.asrdistill.decoder.lattice;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.asrdistill.decoder.search.TokenLattice;

/**
 * Lattice operations: the state-level lattice of a search, lattice-beam pruning, best paths (plain or at
 * given LM/acoustic scales, as Kaldi's lattice-best-path and the LM-weight sweep of its scoring scripts)
 * and scaling (lattice-scale). Each returns a new lattice or result and leaves its argument unchanged,
 * except {@link #scale}, which changes the lattice in place.
 */
public final class LatticeOps {
  private LatticeOps() {
  }

  /** A best path: words, the transition-id of each frame, graph and acoustic cost (unscaled). */
  public record LatticePath(int[] words, int[] alignment, double graphCost, double acousticCost) {
  }

  /**
   * The raw state-level lattice of a search: one state per token, one arc per forward link. Final states:
   * with {@code useFinalProbs}, the last frame's tokens at graph-final states with weight (final, 0) if any
   * is; otherwise every token of the last frame with weight one (Kaldi's GetRawLattice). O(tokens + links).
   */
  public static Lattice fromTokens(TokenLattice tl, boolean useFinalProbs) {
    Lattice lat = new Lattice();
    for (int i = 0; i < tl.numTokens(); i++) {
      lat.addState();
    }
    lat.setStart(0);
    TokenLattice.Links l = tl.links();
    for (int i = 0; i < tl.numTokens(); i++) {
      for (int k = tl.firstLink()[i]; k >= 0; k = l.next()[k]) {
        lat.addArc(i, l.ilabel()[k], l.olabel()[k], l.graph()[k], l.acoustic()[k], l.to()[k]);
      }
    }
    int last = tl.frameStart()[tl.numFrames()];
    float[] fin = tl.lastFrameFinals();
    boolean any = false;
    for (int i = 0; i < fin.length && useFinalProbs; i++) {
      any |= fin[i] != Float.POSITIVE_INFINITY && tl.cost()[last + i] != Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < fin.length; i++) {
      if (any) {
        if (fin[i] != Float.POSITIVE_INFINITY) {
          lat.setFinal(last + i, fin[i], 0f);
        }
      } else {
        lat.setFinal(last + i, 0f, 0f);
      }
    }
    return lat;
  }

  /**
   * Keeps the arcs and states of {@code lat} that lie on a path whose total cost (graph + acoustic) is
   * within {@code beam} of the best path's, renumbering states in topological order. O(V + E) on acyclic
   * lattices; cyclic ones (epsilon cycles in the graph) are relaxed to convergence.
   */
  public static Lattice prune(Lattice lat, double beam) {
    if (!(beam >= 0)) {
      throw new IllegalArgumentException("lattice beam must be >= 0; got: " + beam);
    }
    int n = lat.numStates();
    Lattice out = new Lattice();
    if (lat.start() < 0 || n == 0) {
      return out;
    }
    double[] alpha = new double[n];
    double[] beta = new double[n];
    distances(lat, alpha, beta);
    double best = Double.POSITIVE_INFINITY;
    for (int s = 0; s < n; s++) {
      if (lat.isFinal(s)) {
        best = Math.min(best, alpha[s] + lat.finalGraph(s) + lat.finalAcoustic(s));
      }
    }
    if (best == Double.POSITIVE_INFINITY) {
      return out;
    }
    double limit = best + beam + 1e-4 * Math.max(1, Math.abs(best));
    int[] order = topologicalOrder(lat);
    int[] map = new int[n];
    Arrays.fill(map, -1);
    for (int s : order != null ? order : identity(n)) {
      if (alpha[s] + beta[s] <= limit) {
        map[s] = out.addState();
      }
    }
    out.setStart(map[lat.start()]);
    for (int s = 0; s < n; s++) {
      if (map[s] < 0) {
        continue;
      }
      if (lat.isFinal(s) && alpha[s] + lat.finalGraph(s) + lat.finalAcoustic(s) <= limit) {
        out.setFinal(map[s], lat.finalGraph(s), lat.finalAcoustic(s));
      }
      for (int a = 0; a < lat.numArcs(s); a++) {
        int t = lat.nextState(s, a);
        if (map[t] >= 0 && alpha[s] + lat.graph(s, a) + lat.acoustic(s, a) + beta[t] <= limit) {
          out.addArc(map[s], lat.ilabel(s, a), lat.olabel(s, a), lat.graph(s, a), lat.acoustic(s, a), map[t]);
        }
      }
    }
    return out;
  }

  /**
   * latgen's lattice path: the raw lattice of a search, pruned to {@code latticeBeam}, determinized to a
   * word lattice, and its acoustic costs divided by {@code acousticScale} (the search ran on scaled
   * log-likelihoods; stored lattices hold unscaled acoustic costs, as Kaldi's).
   */
  public static CompactLattice wordLattice(TokenLattice tl, double latticeBeam, float acousticScale, int maxStates) {
    CompactLattice c = LatticeDeterminize.determinize(prune(fromTokens(tl, true), latticeBeam), maxStates);
    if (acousticScale != 0f && acousticScale != 1f) {
      scale(c, 1, 1.0 / acousticScale, 0, 0);
    }
    return c;
  }

  /** Forward (alpha) and backward (beta) best total costs. */
  static void distances(Lattice lat, double[] alpha, double[] beta) {
    int n = lat.numStates();
    Arrays.fill(alpha, Double.POSITIVE_INFINITY);
    Arrays.fill(beta, Double.POSITIVE_INFINITY);
    alpha[lat.start()] = 0;
    for (int s = 0; s < n; s++) {
      if (lat.isFinal(s)) {
        beta[s] = lat.finalGraph(s) + lat.finalAcoustic(s);
      }
    }
    int[] order = topologicalOrder(lat);
    int passes = order != null ? 1 : n + 1;
    int[] seq = order != null ? order : identity(n);
    for (int p = 0; p < passes; p++) {
      boolean changed = false;
      for (int s : seq) {
        if (alpha[s] == Double.POSITIVE_INFINITY) {
          continue;
        }
        for (int a = 0; a < lat.numArcs(s); a++) {
          double c = alpha[s] + lat.graph(s, a) + lat.acoustic(s, a);
          int t = lat.nextState(s, a);
          if (c < alpha[t]) {
            alpha[t] = c;
            changed = true;
          }
        }
      }
      for (int i = seq.length - 1; i >= 0; i--) {
        int s = seq[i];
        for (int a = 0; a < lat.numArcs(s); a++) {
          double c = lat.graph(s, a) + lat.acoustic(s, a) + beta[lat.nextState(s, a)];
          if (c < beta[s]) {
            beta[s] = c;
            changed = true;
          }
        }
      }
      if (!changed) {
        break;
      }
    }
  }

  /** States in topological order (Kahn), or null if the lattice has a cycle. */
  static int[] topologicalOrder(Lattice lat) {
    int n = lat.numStates();
    int[] indeg = new int[n];
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < lat.numArcs(s); a++) {
        indeg[lat.nextState(s, a)]++;
      }
    }
    int[] order = new int[n];
    int head = 0;
    int tail = 0;
    for (int s = 0; s < n; s++) {
      if (indeg[s] == 0) {
        order[tail++] = s;
      }
    }
    while (head < tail) {
      int s = order[head++];
      for (int a = 0; a < lat.numArcs(s); a++) {
        int t = lat.nextState(s, a);
        if (--indeg[t] == 0) {
          order[tail++] = t;
        }
      }
    }
    return tail == n ? order : null;
  }

  private static int[] identity(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  /** Best path of a compact lattice with costs graph x lmScale + acoustic x acousticScale; null if none. */
  public static LatticePath bestPath(CompactLattice clat, double lmScale, double acousticScale) {
    int n = clat.numStates();
    if (clat.start() < 0) {
      return null;
    }
    int[] order = compactOrder(clat);
    double[] d = new double[n];
    int[] backState = new int[n];
    int[] backArc = new int[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[clat.start()] = 0;
    backState[clat.start()] = -1;
    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int s : order) {
      if (d[s] == Double.POSITIVE_INFINITY) {
        continue;
      }
      if (clat.isFinal(s)) {
        double c = d[s] + lmScale * clat.finalGraph(s) + acousticScale * clat.finalAcoustic(s);
        if (c < bestCost) {
          bestCost = c;
          best = s;
        }
      }
      for (int a = 0; a < clat.numArcs(s); a++) {
        double c = d[s] + lmScale * clat.graph(s, a) + acousticScale * clat.acoustic(s, a);
        int t = clat.nextState(s, a);
        if (c < d[t]) {
          d[t] = c;
          backState[t] = s;
          backArc[t] = a;
        }
      }
    }
    if (best < 0) {
      return null;
    }
    ArrayDeque<int[]> strings = new ArrayDeque<>();
    ArrayDeque<Integer> words = new ArrayDeque<>();
    double g = clat.finalGraph(best);
    double ac = clat.finalAcoustic(best);
    strings.push(clat.finalString(best));
    for (int s = best; backState[s] >= 0; s = backState[s]) {
      int p = backState[s];
      int a = backArc[s];
      g += clat.graph(p, a);
      ac += clat.acoustic(p, a);
      strings.push(clat.string(p, a));
      if (clat.label(p, a) != 0) {
        words.push(clat.label(p, a));
      }
    }
    int len = 0;
    for (int[] str : strings) {
      len += str.length;
    }
    int[] ali = new int[len];
    int k = 0;
    for (int[] str : strings) {
      System.arraycopy(str, 0, ali, k, str.length);
      k += str.length;
    }
    return new LatticePath(words.stream().mapToInt(Integer::intValue).toArray(), ali, g, ac);
  }

  /** Best paths at LM weights w (costs graph + acoustic / w, as Kaldi's scoring with --inv-acoustic-scale). */
  public static LatticePath[] lmWeightSweep(CompactLattice clat, int[] lmWeights) {
    LatticePath[] out = new LatticePath[lmWeights.length];
    for (int i = 0; i < lmWeights.length; i++) {
      if (lmWeights[i] <= 0) {
        throw new IllegalArgumentException("LM weights must be > 0; got: " + lmWeights[i]);
      }
      out[i] = bestPath(clat, 1.0, 1.0 / lmWeights[i]);
    }
    return out;
  }

  /**
   * Scales every weight in place by Kaldi's lattice-scale matrix [[lmScale, acoustic2lm], [lm2acoustic,
   * acousticScale]].
   */
  public static void scale(CompactLattice clat, double lmScale, double acousticScale, double acoustic2lm,
      double lm2acoustic) {
    double[][] m = {{lmScale, acoustic2lm}, {lm2acoustic, acousticScale}};
    for (int s = 0; s < clat.numStates(); s++) {
      for (int a = 0; a < clat.numArcs(s); a++) {
        double[] w = LatticeWeight.scale(clat.graph(s, a), clat.acoustic(s, a), m);
        clat.setArcWeight(s, a, (float) w[0], (float) w[1]);
      }
      if (clat.isFinal(s)) {
        double[] w = LatticeWeight.scale(clat.finalGraph(s), clat.finalAcoustic(s), m);
        clat.setFinal(s, (float) w[0], (float) w[1], clat.finalString(s));
      }
    }
  }

  /** Topological order of a compact lattice; fails on a cycle (lattices from search are acyclic). */
  static int[] compactOrder(CompactLattice clat) {
    int n = clat.numStates();
    int[] indeg = new int[n];
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < clat.numArcs(s); a++) {
        indeg[clat.nextState(s, a)]++;
      }
    }
    int[] order = new int[n];
    int head = 0;
    int tail = 0;
    for (int s = 0; s < n; s++) {
      if (indeg[s] == 0) {
        order[tail++] = s;
      }
    }
    while (head < tail) {
      int s = order[head++];
      for (int a = 0; a < clat.numArcs(s); a++) {
        if (--indeg[clat.nextState(s, a)] == 0) {
          order[tail++] = clat.nextState(s, a);
        }
      }
    }
    if (tail != n) {
      throw new IllegalArgumentException("compact lattice has a cycle");
    }
    return order;
  }
}
