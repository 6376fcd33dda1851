package org.asrdistill.acoustic.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Clustering of Gaussian statistics as Kaldi's {@code cluster-utils}: bottom-up merging of the pair whose
 * merge loses the least likelihood ({@code ClusterBottomUp}, also across compartments), and top-down
 * binary clustering by two-way k-means ({@code TreeCluster}-like), used to find phone questions.
 */
final class Clustering {
  private Clustering() {
  }

  private record Pair(double dist, int g, int i, int j) {
  }

  /**
   * Merges clusters while the cheapest merge costs at most {@code thresh} and more than {@code minClust}
   * clusters remain; returns each point's cluster, numbered 0.. in order of the clusters' first points.
   */
  static int[] bottomUp(List<GaussStats> points, double thresh, int minClust) {
    List<int[]> a = merge(List.of(points), thresh, Integer.MAX_VALUE, minClust);
    return a.get(0);
  }

  /** Merges the cheapest pairs within compartments, {@code numToRemove} times (or until impossible). */
  static List<int[]> bottomUpCompartmentalized(List<List<GaussStats>> groups, int numToRemove) {
    return merge(groups, Double.POSITIVE_INFINITY, numToRemove, 1);
  }

  private static List<int[]> merge(List<List<GaussStats>> groups, double thresh, int maxMerges, int minClust) {
    List<GaussStats[]> clusters = new ArrayList<>();
    List<int[]> parent = new ArrayList<>();
    List<double[][]> dist = new ArrayList<>();
    PriorityQueue<Pair> q = new PriorityQueue<>((x, y) -> Double.compare(x.dist, y.dist));
    int live = 0;
    for (int g = 0; g < groups.size(); g++) {
      List<GaussStats> pts = groups.get(g);
      GaussStats[] c = new GaussStats[pts.size()];
      int[] par = new int[pts.size()];
      double[][] d = new double[pts.size()][];
      for (int i = 0; i < c.length; i++) {
        c[i] = pts.get(i).copy();
        par[i] = i;
        d[i] = new double[i];
        for (int j = 0; j < i; j++) {
          d[i][j] = c[i].distance(c[j]);
          if (d[i][j] <= thresh) {
            q.add(new Pair(d[i][j], g, i, j));
          }
        }
      }
      live += c.length;
      clusters.add(c);
      parent.add(par);
      dist.add(d);
    }
    int merges = 0;
    while (!q.isEmpty() && merges < maxMerges && live > minClust) {
      Pair p = q.poll();
      GaussStats[] c = clusters.get(p.g);
      if (c[p.i] == null || c[p.j] == null || dist.get(p.g)[p.i][p.j] != p.dist) {
        continue; // stale entry
      }
      c[p.i].add(c[p.j]);
      c[p.j] = null;
      parent.get(p.g)[p.j] = p.i;
      live--;
      merges++;
      double[][] d = dist.get(p.g);
      for (int k = 0; k < c.length; k++) {
        if (k != p.i && c[k] != null) {
          int hi = Math.max(k, p.i);
          int lo = Math.min(k, p.i);
          d[hi][lo] = c[hi].distance(c[lo]);
          if (d[hi][lo] <= thresh) {
            q.add(new Pair(d[hi][lo], p.g, hi, lo));
          }
        }
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      int[] par = parent.get(g);
      int[] assign = new int[par.length];
      int[] number = new int[par.length];
      java.util.Arrays.fill(number, -1);
      int next = 0;
      for (int i = 0; i < par.length; i++) {
        int r = i;
        while (par[r] != r) {
          r = par[r];
        }
        if (number[r] < 0) {
          number[r] = next++;
        }
        assign[i] = number[r];
      }
      out.add(assign);
    }
    return out;
  }

  /**
   * Top-down binary clustering: starting from all points, the cluster whose two-way split gains most is
   * split next, until every cluster is a single point or cannot be split with a gain. Returns every
   * cluster formed (as lists of point indices), the root first, in the order they were formed.
   */
  static List<int[]> treeCluster(List<GaussStats> points, int numTries, long seed) {
    List<int[]> out = new ArrayList<>();
    int[] all = new int[points.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    out.add(all);
    Random rng = new Random(seed);
    PriorityQueue<Cand> q = new PriorityQueue<>((x, y) -> Double.compare(y.gain, x.gain));
    q.add(candidate(points, all, numTries, rng));
    while (!q.isEmpty()) {
      Cand c = q.poll();
      if (c.halves == null) {
        continue;
      }
      for (int[] h : c.halves) {
        out.add(h);
        if (h.length > 1) {
          q.add(candidate(points, h, numTries, rng));
        }
      }
    }
    return out;
  }

  private record Cand(int[] members, int[][] halves, double gain) {
  }

  /** The best two-way k-means split of {@code members} over {@code numTries} random starts. */
  private static Cand candidate(List<GaussStats> points, int[] members, int numTries, Random rng) {
    GaussStats total = null;
    for (int m : members) {
      if (total == null) {
        total = points.get(m).copy();
      } else {
        total.add(points.get(m));
      }
    }
    double unsplit = total.objf();
    double bestGain = -1;
    boolean[] best = null;
    for (int t = 0; t < numTries; t++) {
      boolean[] in = new boolean[members.length];
      for (int i = 0; i < in.length; i++) {
        in[i] = (t == 0) ? i < in.length / 2 : rng.nextBoolean();
      }
      double gain = kmeans2(points, members, in, total) - unsplit;
      if (isProper(in) && gain > bestGain + 1e-9) {
        bestGain = gain;
        best = in;
      }
    }
    if (best == null) {
      // degenerate (e.g. identical or empty stats): split in halves by index so the tree still separates them
      best = new boolean[members.length];
      for (int i = 0; i < members.length / 2; i++) {
        best[i] = true;
      }
      bestGain = 0;
    }
    int n1 = 0;
    for (boolean b : best) {
      n1 += b ? 1 : 0;
    }
    int[] a = new int[n1];
    int[] b = new int[members.length - n1];
    int ia = 0;
    int ib = 0;
    for (int i = 0; i < members.length; i++) {
      if (best[i]) {
        a[ia++] = members[i];
      } else {
        b[ib++] = members[i];
      }
    }
    return new Cand(members, new int[][] {a, b}, bestGain);
  }

  private static boolean isProper(boolean[] in) {
    boolean any = false;
    boolean all = true;
    for (boolean b : in) {
      any |= b;
      all &= b;
    }
    return any && !all;
  }

  /** Two-way k-means by single-point moves; returns the objective of the final split. */
  private static double kmeans2(List<GaussStats> points, int[] members, boolean[] in, GaussStats total) {
    GaussStats a = new GaussStats(total.dim(), total.varFloor());
    for (int i = 0; i < members.length; i++) {
      if (in[i]) {
        a.add(points.get(members[i]));
      }
    }
    GaussStats b = total.copy();
    b.sub(a);
    double objf = a.objf() + b.objf();
    for (int iter = 0; iter < 100; iter++) {
      boolean changed = false;
      for (int i = 0; i < members.length; i++) {
        GaussStats p = points.get(members[i]);
        GaussStats from = in[i] ? a : b;
        GaussStats to = in[i] ? b : a;
        GaussStats f2 = from.copy();
        f2.sub(p);
        GaussStats t2 = to.copy();
        t2.add(p);
        double o = f2.objf() + t2.objf();
        if (o > objf + 1e-9 * Math.max(1, Math.abs(objf))) {
          from.sub(p);
          to.add(p);
          in[i] = !in[i];
          objf = o;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return objf;
  }
}
