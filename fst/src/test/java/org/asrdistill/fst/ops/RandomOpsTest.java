package org.asrdistill.fst.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.PathRelation;
import org.asrdistill.fst.Properties;
import org.asrdistill.fst.RandomFsts;
import org.asrdistill.fst.RandomFsts.Shape;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operations on random acyclic FSTs checked against brute-force path enumeration. */
class RandomOpsTest {
  private static final double TOL = 2e-3;
  private static final double DELTA = 1e-6;

  private static Shape shape(Semiring sr, int i) {
    boolean acceptor = i % 2 == 0;
    return new Shape(sr, 7, 4 + i % 12, 3, acceptor, true, 0.25, !acceptor && i % 4 == 1);
  }

  private static void same(Fst expected, Fst actual, String what) {
    Map<String, Double> a = PathRelation.of(expected);
    Map<String, Double> b = PathRelation.of(actual);
    assertNull(PathRelation.difference(a, b, TOL), what);
  }

  @ParameterizedTest
  @EnumSource(Semiring.class)
  void rmEpsilonKeepsRelationAndRemovesEpsilons(Semiring sr) {
    Random rnd = new Random(1);
    for (int i = 0; i < 150; i++) {
      VectorFst f = RandomFsts.random(rnd, shape(sr, i));
      VectorFst r = RmEpsilon.rmEpsilon(f, DELTA);
      same(f, r, "case " + i);
      assertTrue((Properties.compute(r) & Properties.NO_EPSILONS) != 0, "case " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(Semiring.class)
  void determinizeAndMinimize(Semiring sr) {
    Random rnd = new Random(2);
    int checked = 0;
    for (int i = 0; i < 200; i++) {
      Shape sh = shape(sr, i);
      if (!sh.acceptor() && !sh.functional()) {
        continue;
      }
      VectorFst f = RandomFsts.random(rnd, sh);
      VectorFst d = Determinize.determinize(f, Determinize.Options.defaults());
      same(f, d, "determinize case " + i);
      long p = Properties.compute(d);
      if (sh.acceptor()) {
        assertTrue((p & Properties.I_DETERMINISTIC) != 0, "case " + i);
      }
      VectorFst m = Minimize.minimize(d, Semiring.DEFAULT_DELTA);
      same(f, m, "minimize case " + i);
      assertTrue(m.numStates() <= d.numStates(), "case " + i);
      VectorFst ds = Determinize.determinizeStar(f, Determinize.Options.defaults());
      same(f, ds, "determinizeStar case " + i);
      checked++;
    }
    assertTrue(checked > 100);
  }

  @ParameterizedTest
  @EnumSource(Semiring.class)
  void composeMatchesRelationalProduct(Semiring sr) {
    Random rnd = new Random(3);
    for (int i = 0; i < 150; i++) {
      VectorFst a = RandomFsts.random(rnd, new Shape(sr, 5, 3 + i % 7, 3, false, true, 0.3, false));
      VectorFst b = RandomFsts.random(rnd, new Shape(sr, 5, 3 + i % 7, 3, i % 3 == 0, true, 0.3, false));
      VectorFst c = Compose.compose(a, b, Compose.Options.defaults());
      Map<String, Double> ra = PathRelation.of(a);
      Map<String, Double> rb = PathRelation.of(b);
      Map<String, Double> expected = new java.util.HashMap<>();
      for (Map.Entry<String, Double> x : ra.entrySet()) {
        String[] xs = x.getKey().split("\\|");
        for (Map.Entry<String, Double> y : rb.entrySet()) {
          String[] ys = y.getKey().split("\\|");
          if (xs[1].equals(ys[0])) {
            expected.merge(xs[0] + "|" + ys[1], sr.times(x.getValue(), y.getValue()), sr::plus);
          }
        }
      }
      assertNull(PathRelation.difference(expected, PathRelation.of(c), TOL), "case " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(Semiring.class)
  void shortestDistancePushAndRationalOps(Semiring sr) {
    Random rnd = new Random(4);
    for (int i = 0; i < 100; i++) {
      VectorFst f = RandomFsts.random(rnd, shape(sr, i));
      Map<String, Double> rel = PathRelation.of(f);
      double total = rel.values().stream().reduce(Double.POSITIVE_INFINITY, sr::plus);
      assertEquals(total, ShortestDistance.total(f, DELTA), 1e-4 * Math.max(1, Math.abs(total)), "case " + i);
      same(f, Push.pushWeights(f, false, false, DELTA), "push initial " + i);
      same(f, Push.pushWeights(f, true, false, DELTA), "push final " + i);
      VectorFst rev = Reverse.reverse(Reverse.reverse(f));
      same(f, rev, "reverse twice " + i);
      VectorFst g = RandomFsts.random(rnd, shape(sr, i + 1));
      Map<String, Double> union = new java.util.HashMap<>(rel);
      PathRelation.of(g).forEach((k, v) -> union.merge(k, v, sr::plus));
      assertNull(PathRelation.difference(union, PathRelation.of(Rational.union(f, g)), TOL), "union " + i);
      VectorFst con = VectorFst.copyOf(f);
      Connect.connect(con);
      same(f, con, "connect " + i);
      if (sr == Semiring.TROPICAL) {
        VectorFst best = ShortestPath.nShortest(f, 1, DELTA);
        Map<String, Double> br = PathRelation.of(best);
        if (!rel.isEmpty()) {
          assertEquals(1, br.size(), "case " + i);
          assertEquals(total, br.values().iterator().next(), 1e-4, "case " + i);
        }
      }
    }
  }
}
