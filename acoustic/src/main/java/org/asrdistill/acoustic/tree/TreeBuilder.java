package org.asrdistill.acoustic.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import org.asrdistill.hmm.tree.EventMap;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.Xfilenames;

/**
 * Kaldi's {@code BuildTree}: a stub map with one root per line of the roots file (a shared root has one
 * leaf for all its pdf classes, otherwise one leaf per pdf class), greedy splitting of the leaf with the
 * best likelihood gain over all questions until the gain is at most {@code thresh} or there are {@code
 * maxLeaves} leaves, bottom-up clustering of leaves within each root, optional rounding of the leaf count
 * down to a multiple of 8, and renumbering. Roots marked not-split keep their stub leaves.
 */
public final class TreeBuilder {
  private TreeBuilder() {
  }

  /**
   * Options of {@code build-tree}. {@code minCount} (not in Kaldi, 0 there) forbids splits that leave
   * either side with fewer frames.
   */
  public record Options(double thresh, int maxLeaves, double clusterThresh, boolean roundNumLeaves,
      double minCount) {
    public Options {
      if (!(thresh >= 0)) {
        throw new IllegalArgumentException("thresh must be >= 0; got: " + thresh);
      }
      if (thresh == 0 && maxLeaves <= 0) {
        throw new IllegalArgumentException("need thresh > 0 or max-leaves > 0; got: " + thresh + ", " + maxLeaves);
      }
      if (!(minCount >= 0)) {
        throw new IllegalArgumentException("min-count must be >= 0; got: " + minCount);
      }
    }

    /** Kaldi's defaults: thresh 300, no leaf maximum, cluster-thresh -1 (smallest split), rounding on. */
    public static Options defaults() {
      return new Options(300, 0, -1, true, 0);
    }
  }

  /** One line of {@code roots.txt}/{@code roots.int}: phones sharing a root. */
  public record Root(int[] phones, boolean shared, boolean split) {
    public Root {
      phones = phones.clone();
      Arrays.sort(phones);
      if (phones.length == 0 || phones[0] <= 0) {
        throw new IllegalArgumentException("a root needs positive phones; got: " + Arrays.toString(phones));
      }
      for (int i = 1; i < phones.length; i++) {
        if (phones[i] == phones[i - 1]) {
          throw new IllegalArgumentException("duplicate phone " + phones[i] + " in a root");
        }
      }
    }
  }

  /** The tree and figures of a build. */
  public record Result(EventMap toPdf, int numLeaves, int numSplits, double splitGain, double totalCount,
      double splitCount, int removedByClustering, double smallestSplit) {
  }

  /** Reads a roots file ({@code shared|not-shared split|not-split phone...} per line), as Kaldi's {@code ReadRootsFile}. */
  public static List<Root> readRoots(String rxfilename) throws IOException {
    List<Root> roots = new ArrayList<>();
    try (KaldiInput in = Xfilenames.openInput(rxfilename)) {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String[] w = line.trim().split("\\s+");
        if (w.length < 3 || !(w[0].equals("shared") || w[0].equals("not-shared"))
            || !(w[1].equals("split") || w[1].equals("not-split"))) {
          throw in.error("bad line " + lineNo + " in roots file: '" + KaldiInput.abbreviate(line) + "'");
        }
        int[] phones = new int[w.length - 2];
        try {
          for (int i = 2; i < w.length; i++) {
            phones[i - 2] = Integer.parseInt(w[i]);
          }
          roots.add(new Root(phones, w[0].equals("shared"), w[1].equals("split")));
        } catch (IllegalArgumentException e) {
          throw in.error("bad line " + lineNo + " in roots file: " + e.getMessage());
        }
      }
    }
    if (roots.isEmpty()) {
      throw new IOException("empty roots file " + rxfilename);
    }
    return roots;
  }

  /** One statistics entry with its event in array form. */
  record Item(Event event, int[] array, GaussStats stats) {
  }

  static List<Item> items(TreeStats stats) {
    List<Item> out = new ArrayList<>();
    for (Map.Entry<Event, GaussStats> e : stats.entries().entrySet()) {
      out.add(new Item(e.getKey(), e.getKey().toArray(), e.getValue()));
    }
    return out;
  }

  /** Builds the tree ({@code toPdf} map) from the statistics. */
  public static Result build(Questions questions, List<Root> roots, int[] phone2numPdfClasses, TreeStats stats,
      Options opts, int centralPosition) {
    if (stats.size() == 0) {
      throw new IllegalArgumentException("no tree statistics");
    }
    TreeSet<Integer> seen = new TreeSet<>();
    for (Root r : roots) {
      for (int ph : r.phones()) {
        if (!seen.add(ph)) {
          throw new IllegalArgumentException("phone " + ph + " is in more than one root");
        }
      }
    }
    int[] counter = {0};
    EventMap stub = stubMap(centralPosition, roots, phone2numPdfClasses, counter);
    List<Item> all = items(stats);
    List<Item> filtered = new ArrayList<>();
    for (Item it : all) {
      int central = it.event.lookup(centralPosition);
      if (central == EventMap.ABSENT) {
        throw new IllegalArgumentException("event " + it.event + " has no central phone at position "
            + centralPosition);
      }
      if (!nonSplit(roots, central)) {
        filtered.add(it);
      }
    }
    Splitter sp = new Splitter(questions, opts.minCount());
    int numStubLeaves = counter[0];
    Splitter.Node[] builders = new Splitter.Node[numStubLeaves];
    List<List<Item>> byLeaf = splitByMap(filtered, stub, numStubLeaves);
    for (int i = 0; i < numStubLeaves; i++) {
      builders[i] = sp.new Node(i, byLeaf.get(i));
    }
    PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> {
      int c = Double.compare(builders[b].best, builders[a].best);
      return c != 0 ? c : Integer.compare(b, a);
    });
    for (int i = 0; i < numStubLeaves; i++) {
      queue.add(i);
    }
    int[] numLeaves = {numStubLeaves};
    double gain = 0;
    double smallest = 1.0e20;
    int splits = 0;
    while (!queue.isEmpty() && builders[queue.peek()].best > opts.thresh()
        && (opts.maxLeaves() <= 0 || numLeaves[0] < opts.maxLeaves())) {
      int i = queue.poll();
      smallest = Math.min(smallest, builders[i].best);
      gain += builders[i].best;
      builders[i].doSplit(numLeaves);
      queue.add(i);
      splits++;
    }
    EventMap split = EventMaps.replaceLeaves(stub, leaf -> leaf < numStubLeaves ? builders[leaf].toMap() : null);
    double total = sumCount(all);
    double splitCount = sumCount(filtered);
    int removed = 0;
    EventMap result = split;
    double clusterThresh = opts.clusterThresh() < 0 ? smallest : opts.clusterThresh();
    if (opts.clusterThresh() != 0) {
      int[] removedOut = {0};
      result = clusterRestricted(split, all, clusterThresh, stub, numLeaves[0], removedOut);
      removed = removedOut[0];
    }
    if (opts.roundNumLeaves()) {
      int required = ((numLeaves[0] - removed) / 8) * 8;
      result = clusterToN(result, all, required, stub, numLeaves[0]);
    }
    if (opts.clusterThresh() != 0 || opts.roundNumLeaves()) {
      result = EventMaps.renumber(result);
    }
    return new Result(result, EventMaps.numLeaves(result), splits, gain, total, splitCount, removed,
        splits == 0 ? 0 : smallest);
  }

  private static boolean nonSplit(List<Root> roots, int phone) {
    for (Root r : roots) {
      if (!r.split() && Arrays.binarySearch(r.phones(), phone) >= 0) {
        return true;
      }
    }
    return false;
  }

  static double sumCount(List<Item> items) {
    double s = 0;
    for (Item it : items) {
      s += it.stats.count();
    }
    return s;
  }

  /** Kaldi's {@code SplitStatsByMap} (size at least {@code minSize}). */
  static List<List<Item>> splitByMap(List<Item> items, EventMap map, int minSize) {
    List<List<Item>> out = new ArrayList<>();
    for (Item it : items) {
      int ans = map.map(it.array);
      if (ans == EventMap.NO_ANSWER || ans < 0) {
        throw new IllegalArgumentException("could not map event " + it.event + " (check that --context-width and"
            + " --central-position match the stats, and that context-independent phones do not share roots"
            + " with context-dependent ones)");
      }
      while (out.size() <= ans) {
        out.add(new ArrayList<>());
      }
      out.get(ans).add(it);
    }
    while (out.size() < minSize) {
      out.add(new ArrayList<>());
    }
    return out;
  }

  static GaussStats sum(List<Item> items) {
    GaussStats s = null;
    for (Item it : items) {
      if (s == null) {
        s = it.stats.copy();
      } else {
        s.add(it.stats);
      }
    }
    return s;
  }

  /** Kaldi's {@code GetStubMap}. */
  static EventMap stubMap(int p, List<Root> roots, int[] numPdfClasses, int[] counter) {
    int maxSetSize = 0;
    int highest = 0;
    for (Root r : roots) {
      maxSetSize = Math.max(maxSetSize, r.phones().length);
      highest = Math.max(highest, r.phones()[r.phones().length - 1]);
    }
    if (roots.size() == 1) {
      Root r = roots.get(0);
      if (r.shared()) {
        return new EventMap.Constant(counter[0]++);
      }
      int maxLen = 0;
      for (int ph : r.phones()) {
        if (ph >= numPdfClasses.length || numPdfClasses[ph] <= 0) {
          throw new IllegalArgumentException("phone " + ph + " of the roots file is not in the topology");
        }
        maxLen = Math.max(maxLen, numPdfClasses[ph]);
      }
      EventMap[] table = new EventMap[maxLen];
      for (int c = 0; c < maxLen; c++) {
        table[c] = new EventMap.Constant(counter[0]++);
      }
      return new EventMap.Table(-1, table);
    } else if (maxSetSize == 1 && roots.size() <= 2 * highest) {
      TreeMap<Integer, EventMap> m = new TreeMap<>();
      for (Root r : roots) {
        m.put(r.phones()[0], stubMap(p, List.of(r), numPdfClasses, counter));
      }
      EventMap[] table = new EventMap[m.lastKey() + 1];
      m.forEach((k, v) -> table[k] = v);
      return new EventMap.Table(p, table);
    } else {
      int half = roots.size() / 2;
      List<Root> first = roots.subList(0, half);
      EventMap m1 = stubMap(p, first, numPdfClasses, counter);
      EventMap m2 = stubMap(p, roots.subList(half, roots.size()), numPdfClasses, counter);
      int[] yes = first.stream().flatMapToInt(r -> Arrays.stream(r.phones())).sorted().toArray();
      return new EventMap.Split(p, yes, m1, m2);
    }
  }

  /** Kaldi's {@code ClusterEventMapRestrictedByMap}: bottom-up merging of leaves within each stub leaf. */
  static EventMap clusterRestricted(EventMap tree, List<Item> items, double thresh, EventMap restrict,
      int numLeaves, int[] removedOut) {
    int[] mapping = identity(numLeaves);
    int removed = 0;
    for (List<Item> group : splitByMap(items, restrict, 0)) {
      if (group.isEmpty()) {
        continue;
      }
      List<List<Item>> byLeaf = splitByMap(group, tree, 0);
      List<Integer> leaves = new ArrayList<>();
      List<GaussStats> points = new ArrayList<>();
      for (int leaf = 0; leaf < byLeaf.size(); leaf++) {
        if (!byLeaf.get(leaf).isEmpty()) {
          leaves.add(leaf);
          points.add(sum(byLeaf.get(leaf)));
        }
      }
      int[] assign = Clustering.bottomUp(points, thresh, 1);
      removed += apply(mapping, leaves, assign);
    }
    removedOut[0] = removed;
    return EventMaps.replaceLeaves(tree, leaf -> leaf < mapping.length && mapping[leaf] != leaf
        ? new EventMap.Constant(mapping[leaf]) : null);
  }

  /** Kaldi's {@code ClusterEventMapToNClustersRestrictedByMap}: merges cheapest pairs until N leaves remain. */
  static EventMap clusterToN(EventMap tree, List<Item> items, int n, EventMap restrict, int numLeaves) {
    List<List<GaussStats>> groups = new ArrayList<>();
    List<List<Integer>> groupLeaves = new ArrayList<>();
    for (List<Item> group : splitByMap(items, restrict, 0)) {
      if (group.isEmpty()) {
        continue;
      }
      List<List<Item>> byLeaf = splitByMap(group, tree, 0);
      List<Integer> leaves = new ArrayList<>();
      List<GaussStats> points = new ArrayList<>();
      for (int leaf = 0; leaf < byLeaf.size(); leaf++) {
        if (!byLeaf.get(leaf).isEmpty()) {
          leaves.add(leaf);
          points.add(sum(byLeaf.get(leaf)));
        }
      }
      groups.add(points);
      groupLeaves.add(leaves);
    }
    int current = EventMaps.numLeaves(tree);
    List<int[]> assigns = Clustering.bottomUpCompartmentalized(groups, current - n);
    int[] mapping = identity(Math.max(numLeaves, maxLeaf(tree) + 1));
    for (int g = 0; g < groups.size(); g++) {
      apply(mapping, groupLeaves.get(g), assigns.get(g));
    }
    return EventMaps.replaceLeaves(tree, leaf -> leaf < mapping.length && mapping[leaf] != leaf
        ? new EventMap.Constant(mapping[leaf]) : null);
  }

  private static int maxLeaf(EventMap m) {
    int[] max = {0};
    m.multiMap(new int[0], a -> max[0] = Math.max(max[0], a));
    return max[0];
  }

  private static int[] identity(int n) {
    int[] m = new int[n];
    for (int i = 0; i < n; i++) {
      m[i] = i;
    }
    return m;
  }

  /** Maps each leaf to the smallest leaf of its cluster; returns the number of leaves merged away. */
  private static int apply(int[] mapping, List<Integer> leaves, int[] assign) {
    int numClusters = 0;
    int[] rep = new int[leaves.size()];
    Arrays.fill(rep, -1);
    for (int i = 0; i < leaves.size(); i++) {
      int c = assign[i];
      if (rep[c] < 0) {
        rep[c] = leaves.get(i);
        numClusters++;
      }
      mapping[leaves.get(i)] = rep[c];
    }
    return leaves.size() - numClusters;
  }
}
