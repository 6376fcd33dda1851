package org.asrdistill.acoustic.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asrdistill.hmm.tree.EventMap;

/**
 * Kaldi's {@code DecisionTreeSplitter} and {@code FindBestSplitForKey}: the best question for a set of
 * statistics (likelihood gain of splitting them in two), and the tree grown by splitting leaves.
 */
final class Splitter {
  private final Questions questions;
  private final double minCount;

  Splitter(Questions questions, double minCount) {
    this.questions = questions;
    this.minCount = minCount;
  }

  /** A best split: gain and yes-set of a key. */
  record Best(double gain, int key, int[] yesSet) {
  }

  /** Kaldi's {@code FindBestSplitForKey} (with the optional refinement, and {@code minCount}). */
  Best bestForKey(List<TreeBuilder.Item> stats, int key) {
    Questions.ForKey qk = questions.forKey(key);
    if (stats.size() <= 1 || qk == null) {
      return new Best(0, key, new int[0]);
    }
    int maxValue = -1;
    for (TreeBuilder.Item it : stats) {
      int v = it.event().lookup(key);
      if (v == EventMap.ABSENT || v < 0) {
        return new Best(0, key, new int[0]); // key not always defined: cannot split on it
      }
      maxValue = Math.max(maxValue, v);
    }
    GaussStats[] byValue = new GaussStats[maxValue + 1];
    GaussStats total = null;
    for (TreeBuilder.Item it : stats) {
      int v = it.event().lookup(key);
      if (byValue[v] == null) {
        byValue[v] = it.stats().copy();
      } else {
        byValue[v].add(it.stats());
      }
      if (total == null) {
        total = it.stats().copy();
      } else {
        total.add(it.stats());
      }
    }
    double unsplit = total.objf();
    double best = 0;
    int[] bestSet = null;
    for (int[] q : qk.questions()) {
      GaussStats yes = new GaussStats(total.dim(), total.varFloor());
      for (int v : q) {
        if (v >= 0 && v <= maxValue && byValue[v] != null) {
          yes.add(byValue[v]);
        }
      }
      GaussStats no = total.copy();
      no.sub(yes);
      if (yes.count() < minCount || no.count() < minCount) {
        continue;
      }
      double gain = yes.objf() + no.objf() - unsplit;
      if (gain > best) {
        best = gain;
        bestSet = q;
      }
    }
    if (qk.refineIters() > 0) {
      boolean[] inYes = new boolean[maxValue + 1];
      if (bestSet != null) {
        for (int v : bestSet) {
          if (v >= 0 && v <= maxValue) {
            inYes[v] = true;
          }
        }
      }
      double refined = refine(byValue, inYes, total, qk.refineIters());
      if (refined - unsplit > best) {
        best = refined - unsplit;
        List<Integer> ys = new ArrayList<>();
        for (int v = 0; v <= maxValue; v++) {
          if (inYes[v] && byValue[v] != null) {
            ys.add(v);
          }
        }
        bestSet = ys.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return new Best(best, key, bestSet == null ? new int[0] : bestSet);
  }

  /** Two-way refinement (as Kaldi's {@code RefineClusters}): move values while the objective improves. */
  private double refine(GaussStats[] byValue, boolean[] inYes, GaussStats total, int iters) {
    GaussStats yes = new GaussStats(total.dim(), total.varFloor());
    for (int v = 0; v < byValue.length; v++) {
      if (inYes[v] && byValue[v] != null) {
        yes.add(byValue[v]);
      }
    }
    GaussStats no = total.copy();
    no.sub(yes);
    double objf = yes.objf() + no.objf();
    for (int iter = 0; iter < iters; iter++) {
      boolean changed = false;
      for (int v = 0; v < byValue.length; v++) {
        if (byValue[v] == null) {
          continue;
        }
        GaussStats from = inYes[v] ? yes : no;
        GaussStats to = inYes[v] ? no : yes;
        GaussStats f2 = from.copy();
        f2.sub(byValue[v]);
        GaussStats t2 = to.copy();
        t2.add(byValue[v]);
        if (f2.count() < minCount || t2.count() < minCount) {
          continue;
        }
        double o = f2.objf() + t2.objf();
        if (o > objf + 1e-10 * Math.abs(objf)) {
          from.sub(byValue[v]);
          to.add(byValue[v]);
          inYes[v] = !inYes[v];
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

  /** A node of a growing tree: a leaf with its statistics, or a split with two children. */
  final class Node {
    int leaf;
    List<TreeBuilder.Item> stats;
    double best;
    int key;
    int[] yesSet;
    Node yes;
    Node no;

    Node(int leaf, List<TreeBuilder.Item> stats) {
      this.leaf = leaf;
      this.stats = stats;
      findBestSplit();
    }

    private void findBestSplit() {
      best = 0;
      for (int k : questions.keys()) {
        Best b = bestForKey(stats, k);
        if (b.gain() > best) {
          best = b.gain();
          key = k;
          yesSet = b.yesSet();
        }
      }
    }

    /** Splits this leaf, or the best leaf below this node; {@code nextLeaf[0]} numbers the new leaf. */
    void doSplit(int[] nextLeaf) {
      if (yes == null) {
        List<TreeBuilder.Item> ys = new ArrayList<>();
        List<TreeBuilder.Item> ns = new ArrayList<>();
        for (TreeBuilder.Item it : stats) {
          (Arrays.binarySearch(yesSet, it.event().lookup(key)) >= 0 ? ys : ns).add(it);
        }
        yes = new Node(leaf, ys);
        no = new Node(nextLeaf[0]++, ns);
        leaf = -1;
        stats = null;
      } else {
        (yes.best >= no.best ? yes : no).doSplit(nextLeaf);
      }
      best = Math.max(yes.best, no.best);
    }

    EventMap toMap() {
      return yes == null ? new EventMap.Constant(leaf) : new EventMap.Split(key, yesSet, yes.toMap(), no.toMap());
    }
  }
}
