package org.asrdistill.acoustic.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.asrdistill.acoustic.gmm.FlatStart;
import org.asrdistill.acoustic.io.Bytes;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class PhoneQuestionsTest {
  @Test
  void phonesWithSimilarStatsAreGrouped() {
    TreeStats ts = new TreeStats();
    double[][] means = {null, {0, 0}, {8, 8}, {0.2, 0}, {8.3, 8}, {-8, 4}};
    for (int p = 1; p <= 5; p++) {
      for (int pc = 0; pc < 3; pc++) {
        ts.add(new Event(new int[] {-1, 0, 1, 2}, new int[] {pc, 0, p, 0}),
            TreeBuilderTest.gauss(50 + 10 * p, means[p]));
      }
    }
    List<int[]> sets = List.of(new int[] {1}, new int[] {2}, new int[] {3}, new int[] {4}, new int[] {5});
    List<int[]> q = PhoneQuestions.obtain(ts, sets, new int[] {1}, 1, w -> { });
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, q.get(0));
    assertTrue(contains(q, new int[] {1, 3}), "questions should group 1 and 3");
    assertTrue(contains(q, new int[] {2, 4}), "questions should group 2 and 4");
    for (int p = 1; p <= 5; p++) {
      assertTrue(contains(q, new int[] {p}));
    }
    assertTrue(!contains(q, new int[] {1, 2}) && !contains(q, new int[] {3, 4}));
    assertEquals(q.size(), q.stream().map(java.util.Arrays::toString).distinct().count());
  }

  private static boolean contains(List<int[]> q, int[] s) {
    return q.stream().anyMatch(x -> java.util.Arrays.equals(x, s));
  }

  @Test
  void treeStatsFromAnAlignmentAndRoundTrip() throws IOException {
    FlatStart.Mono m = FlatStart.initMono(TreeBuilderTest.TOPO, new double[] {0, 0}, new double[] {1, 1}, null, 0,
        null);
    TransitionModel tm = m.model().transitionModel();
    int[] phones = {4, 1, 2, 4};
    int[] ali = FlatStart.equalAlign(tm, m.tree(), phones, 20, true);
    float[] data = new float[40];
    for (int t = 0; t < 20; t++) {
      data[2 * t] = t;
      data[2 * t + 1] = 1;
    }
    TreeStats ts = new TreeStats();
    assertTrue(ts.accumulate(tm, TreeStats.AccOptions.defaults(), ali, new FloatMatrix(20, 2, data)));
    assertEquals(8, ts.size());
    // phone 1, first state: frames 3..5 (silence took 0..2), left context 4, right 2
    GaussStats g = ts.entries().get(new Event(new int[] {-1, 0, 1, 2}, new int[] {0, 4, 1, 2}));
    assertEquals(3, g.count());
    assertEquals(3 + 4 + 5, g.sum()[0]);
    // first silence: left context 0 (outside the utterance)
    assertEquals(3, ts.entries().get(new Event(new int[] {-1, 0, 1, 2}, new int[] {0, 0, 4, 1})).count());
    TreeStats ci = new TreeStats();
    ci.accumulate(tm, new TreeStats.AccOptions(0.01, 3, 1, new int[] {4}), ali, new FloatMatrix(20, 2, data));
    assertEquals(5, ci.entries().get(new Event(new int[] {-1, 1}, new int[] {0, 4})).count());
    for (boolean binary : new boolean[] {true, false}) {
      byte[] b = Bytes.write(ts, binary, (o, v, bin) -> v.write(o, bin));
      TreeStats back = Bytes.read(b, TreeStats::read);
      assertEquals(ts.entries().keySet(), back.entries().keySet());
      assertArrayEquals(b, Bytes.write(back, binary, (o, v, bin) -> v.write(o, bin)));
      if (!binary) {
        assertTrue(Bytes.text(b).startsWith("BTS 8 EV 4 -1 0 0 0 1 4 2 1 \nT GCL 3 0.01  [\n  3 3 \n  5 3 ]\n"),
            Bytes.text(b));
      }
    }
    TreeStats sum = new TreeStats();
    sum.addAll(ts);
    sum.addAll(ts);
    assertEquals(6, sum.entries().get(new Event(new int[] {-1, 0, 1, 2}, new int[] {0, 4, 1, 2})).count());
  }
}
