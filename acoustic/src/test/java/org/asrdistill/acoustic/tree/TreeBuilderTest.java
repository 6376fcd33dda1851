package org.asrdistill.acoustic.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.acoustic.io.Bytes;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.tree.ContextDependency;
import org.junit.jupiter.api.Test;

class TreeBuilderTest {
  /** Phones 1-3 have 3 pdf classes, phone 4 (silence) one. */
  static final HmmTopology TOPO = HmmTopology.generate(3, 1, new int[] {1, 2, 3}, new int[] {4});

  static GaussStats gauss(double count, double[] mean) {
    double[] s = new double[mean.length];
    double[] s2 = new double[mean.length];
    for (int d = 0; d < mean.length; d++) {
      s[d] = count * mean[d];
      s2[d] = count * (1 + mean[d] * mean[d]);
    }
    return GaussStats.of(count, s, s2, 0.01);
  }

  /**
   * Triphone stats where only phone 1 / class 0 depends on its left context (mean +-5 for left in {2,3})
   * and phone 2 / class 1 on its right context (mean +-1 for right phone 1, fewer frames).
   */
  static TreeStats stats(double countPhone2Right1) {
    TreeStats ts = new TreeStats();
    for (int c = 1; c <= 4; c++) {
      int classes = c == 4 ? 1 : 3;
      for (int l = 0; l <= 4; l++) {
        for (int r = 0; r <= 4; r++) {
          for (int pc = 0; pc < classes; pc++) {
            double[] mean = {c + 0.1 * pc, -c};
            double count = 100;
            if (c == 1 && pc == 0) {
              mean[0] += (l == 2 || l == 3) ? 5 : -5;
            }
            if (c == 2 && pc == 1 && r == 1) {
              mean[1] += 2;
              count = countPhone2Right1;
            }
            ts.add(new Event(new int[] {-1, 0, 1, 2}, new int[] {pc, l, c, r}), gauss(count, mean));
          }
        }
      }
    }
    return ts;
  }

  static List<TreeBuilder.Root> roots(boolean splitPhone1) {
    return List.of(new TreeBuilder.Root(new int[] {1}, false, splitPhone1),
        new TreeBuilder.Root(new int[] {2}, false, true), new TreeBuilder.Root(new int[] {3}, false, true),
        new TreeBuilder.Root(new int[] {4}, true, false));
  }

  static Questions questions() {
    List<int[]> sets = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      sets.add(new int[] {p});
    }
    sets.add(new int[] {2, 3});
    sets.add(new int[] {1, 2, 3});
    return Questions.compile(TOPO, sets, 3, 0);
  }

  static TreeBuilder.Result build(TreeStats ts, List<TreeBuilder.Root> roots, TreeBuilder.Options o) {
    return TreeBuilder.build(questions(), roots, TOPO.phoneToNumPdfClasses(), ts, o, 1);
  }

  @Test
  void splitsWhereTheLikelihoodGainIs() {
    TreeBuilder.Result r = build(stats(100), roots(true), new TreeBuilder.Options(50, 0, 0, false, 0));
    assertEquals(12, r.numLeaves()); // 10 stub leaves + 2 splits
    assertEquals(2, r.numSplits());
    ContextDependency tree = new ContextDependency(3, 1, r.toPdf());
    assertNotEquals(tree.compute(new int[] {2, 1, 3}, 0), tree.compute(new int[] {1, 1, 3}, 0));
    assertEquals(tree.compute(new int[] {2, 1, 3}, 0), tree.compute(new int[] {3, 1, 1}, 0));
    assertEquals(tree.compute(new int[] {1, 1, 3}, 0), tree.compute(new int[] {4, 1, 0}, 0));
    assertNotEquals(tree.compute(new int[] {3, 2, 1}, 1), tree.compute(new int[] {3, 2, 4}, 1));
    assertEquals(tree.compute(new int[] {3, 2, 1}, 0), tree.compute(new int[] {3, 2, 4}, 0));
    assertEquals(tree.compute(new int[] {1, 3, 1}, 2), tree.compute(new int[] {4, 3, 2}, 2));
    // the gain of splitting phone 1 / class 0: 1000 frames whose means differ by 10 in one dimension
    assertTrue(r.splitGain() > 1000, "gain " + r.splitGain());
  }

  @Test
  void respectsLeafTargetMinCountAndRoots() {
    TreeBuilder.Result max = build(stats(100), roots(true), new TreeBuilder.Options(0, 11, 0, false, 0));
    assertEquals(11, max.numLeaves()); // only the bigger split
    ContextDependency t = new ContextDependency(3, 1, max.toPdf());
    assertEquals(t.compute(new int[] {3, 2, 1}, 1), t.compute(new int[] {3, 2, 4}, 1));
    // every question on phone 1's left context or phone 2's right context leaves < 1100 frames on one side
    TreeBuilder.Result minCount = build(stats(100), roots(true), new TreeBuilder.Options(1, 0, 0, false, 1100));
    assertEquals(10, minCount.numLeaves());
    TreeBuilder.Result noSplit1 = build(stats(100), roots(false), new TreeBuilder.Options(50, 0, 0, false, 0));
    assertEquals(11, noSplit1.numLeaves()); // phone 1 is not-split
    List<TreeBuilder.Root> shared = List.of(new TreeBuilder.Root(new int[] {1, 2}, true, false),
        new TreeBuilder.Root(new int[] {3}, false, false), new TreeBuilder.Root(new int[] {4}, true, false));
    TreeBuilder.Result s = build(stats(100), shared, new TreeBuilder.Options(50, 0, 0, false, 0));
    assertEquals(5, s.numLeaves()); // {1,2} one leaf for all classes, 3 three leaves, 4 one
    ContextDependency st = new ContextDependency(3, 1, s.toPdf());
    assertEquals(st.compute(new int[] {0, 1, 0}, 2), st.compute(new int[] {0, 2, 0}, 0));
  }

  @Test
  void clusteringAndRoundingReduceLeaves() {
    // phones 1-3 share one root, split on pdf class, phone and context: at least 11 leaves + silence
    List<TreeBuilder.Root> shared = List.of(new TreeBuilder.Root(new int[] {1, 2, 3}, true, true),
        new TreeBuilder.Root(new int[] {4}, true, false));
    TreeBuilder.Result full = build(stats(100), shared, new TreeBuilder.Options(1, 0, 0, false, 0));
    assertTrue(full.numLeaves() >= 12 && full.numLeaves() < 16, "leaves: " + full.numLeaves());
    TreeBuilder.Result rounded = build(stats(100), shared, new TreeBuilder.Options(1, 0, 0, true, 0));
    assertEquals(8, rounded.numLeaves());
    TreeBuilder.Result clustered = build(stats(100), shared, new TreeBuilder.Options(1, 0, -1, true, 0));
    assertEquals(8, clustered.numLeaves());
    // rounding cannot merge across roots: 10 roots/classes keep one leaf each
    TreeBuilder.Result r = build(stats(100), roots(true), new TreeBuilder.Options(1, 0, -1, true, 0));
    assertEquals(10, r.numLeaves());
    // merging across roots is not allowed: each of the 10 roots/classes keeps at least one leaf
    TreeBuilder.Result c = build(stats(100), roots(true), new TreeBuilder.Options(50, 0, 1.0e9, false, 0));
    assertEquals(10, c.numLeaves());
  }

  @Test
  void questionsRoundTrip() throws IOException {
    Questions q = questions();
    for (boolean binary : new boolean[] {true, false}) {
      byte[] b = Bytes.write(q, binary, (o, v, bin) -> v.write(o, bin));
      Questions back = Bytes.read(b, Questions::read);
      assertEquals(q.keys(), back.keys());
      assertArrayEquals(b, Bytes.write(back, binary, (o, v, bin) -> v.write(o, bin)));
    }
    String text = Bytes.text(Bytes.write(q, false, (o, v, bin) -> v.write(o, bin)));
    assertTrue(text.startsWith("<Questions> <Key> -1 <QuestionsForKey> 2 [ 0 ]\n[ 0 1 ]\n<RefineClustersOptions> 0 5 "
        + "</RefineClustersOptions> </QuestionsForKey> <Key> 0 <QuestionsForKey> 6 [ 1 ]\n[ 1 2 3 ]\n"), text);
  }

  @Test
  void gmmsInitialisedFromTreeStats() {
    TreeStats ts = stats(100);
    TreeBuilder.Result r = build(ts, roots(true), new TreeBuilder.Options(50, 0, 0, false, 0));
    AmDiagGmm am = TreeModels.initGmms(ts, r.toPdf(), 0.01, w -> { });
    assertEquals(12, am.numPdfs());
    ContextDependency t = new ContextDependency(3, 1, r.toPdf());
    int pdf = t.compute(new int[] {2, 1, 0}, 0);
    // left in {2,3}: mean 1 + 5 = 6 in dimension 0, variance 1
    assertEquals(6.0, am.pdf(pdf).meansInvVars().get(0, 0) / am.pdf(pdf).invVars().get(0, 0), 1e-4);
    assertEquals(1.0, am.pdf(pdf).invVars().get(0, 0), 1e-4);
    double[] occ = TreeModels.occupancies(ts, r.toPdf());
    assertEquals(ts.entries().values().stream().mapToDouble(GaussStats::count).sum(),
        java.util.Arrays.stream(occ).sum(), 1e-6);
  }
}
