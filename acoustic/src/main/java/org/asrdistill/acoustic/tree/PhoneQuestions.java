package org.asrdistill.acoustic.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.asrdistill.hmm.tree.EventMap;

/**
 * Kaldi's {@code cluster-phones} ({@code AutomaticallyObtainQuestions}): the statistics of the central
 * phone in the listed pdf classes are summed per phone set, the sets are clustered top-down into a binary
 * tree, and every cluster of the tree (top level first) plus every original set becomes a question.
 */
public final class PhoneQuestions {
  private PhoneQuestions() {
  }

  /** Tries of two-way k-means per split (Kaldi uses 10 here). */
  public static final int NUM_TRIES = 10;

  public static List<int[]> obtain(TreeStats stats, List<int[]> phoneSets, int[] pdfClasses, int centralPosition,
      Consumer<String> warn) {
    if (phoneSets.isEmpty()) {
      throw new IllegalArgumentException("no phone sets");
    }
    List<int[]> sets = new ArrayList<>();
    TreeSet<Integer> phones = new TreeSet<>();
    for (int[] s : phoneSets) {
      int[] c = s.clone();
      Arrays.sort(c);
      if (c.length == 0) {
        throw new IllegalArgumentException("empty phone set");
      }
      for (int ph : c) {
        if (!phones.add(ph)) {
          throw new IllegalArgumentException("phone " + ph + " is in more than one phone set");
        }
      }
      sets.add(c);
    }
    int[] classes = pdfClasses.clone();
    Arrays.sort(classes);
    int dim = -1;
    double floor = 0;
    java.util.HashMap<Integer, GaussStats> byPhone = new java.util.HashMap<>();
    int retained = 0;
    for (Map.Entry<Event, GaussStats> e : stats.entries().entrySet()) {
      int pc = e.getKey().lookup(-1);
      if (pc == EventMap.ABSENT || Arrays.binarySearch(classes, pc) < 0) {
        continue;
      }
      int ph = e.getKey().lookup(centralPosition);
      if (ph == EventMap.ABSENT) {
        throw new IllegalArgumentException("event " + e.getKey() + " has no central phone");
      }
      retained++;
      dim = e.getValue().dim();
      floor = e.getValue().varFloor();
      byPhone.computeIfAbsent(ph, k -> new GaussStats(e.getValue().dim(), e.getValue().varFloor()))
          .add(e.getValue());
      if (!phones.contains(ph)) {
        warn.accept("Phone " + ph + " is present in stats but is not in phone list");
      }
    }
    if (retained * 10 < stats.size()) {
      warn.accept("Only " + retained + " of " + stats.size() + " tree stats have a pdf class in "
          + Arrays.toString(classes) + " (use --pdf-class-list for unusual topologies)");
    }
    if (dim < 0) {
      throw new IllegalArgumentException("no statistics for pdf classes " + Arrays.toString(classes));
    }
    List<GaussStats> points = new ArrayList<>();
    int noData = 0;
    for (int[] s : sets) {
      GaussStats g = new GaussStats(dim, floor);
      for (int ph : s) {
        GaussStats p = byPhone.get(ph);
        if (p != null) {
          g.add(p);
        }
      }
      if (g.count() == 0) {
        noData++;
        warn.accept("no stats available for phone set " + Arrays.toString(s));
      }
      points.add(g);
    }
    if (noData + 1 >= sets.size()) {
      warn.accept("All or all but one of the phone sets had no data");
    }
    List<int[]> out = new ArrayList<>();
    for (int[] cluster : Clustering.treeCluster(points, NUM_TRIES, 0)) {
      TreeSet<Integer> u = new TreeSet<>();
      for (int i : cluster) {
        for (int ph : sets.get(i)) {
          u.add(ph);
        }
      }
      addUnique(out, u.stream().mapToInt(Integer::intValue).toArray());
    }
    for (int[] s : sets) {
      addUnique(out, s);
    }
    return out;
  }

  private static void addUnique(List<int[]> out, int[] s) {
    if (s.length == 0) {
      return;
    }
    for (int[] o : out) {
      if (Arrays.equals(o, s)) {
        return;
      }
    }
    out.add(s);
  }
}
