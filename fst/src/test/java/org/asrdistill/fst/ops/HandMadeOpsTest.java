package org.asrdistill.fst.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.PathRelation;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.io.AttText;
import org.junit.jupiter.api.Test;

/** Operations on small hand-made FSTs with known results. */
class HandMadeOpsTest {
  private static VectorFst fst(String text) throws IOException {
    return AttText.compile(new StringReader(text.replace(';', '\n')), "test", Semiring.TROPICAL,
        AttText.CompileOptions.defaults());
  }

  private static String print(Fst f) throws IOException {
    StringWriter w = new StringWriter();
    AttText.print(f, w, AttText.PrintOptions.defaults());
    return w.toString().replace('\n', ';').replace('\t', ' ');
  }

  @Test
  void determinizeMergesPrefixesAndKeepsMinimumWeights() throws IOException {
    VectorFst f = fst("0 1 1 1 1;0 2 1 1 2;1 3 2 2 3;2 3 3 3 1;3");
    VectorFst d = Determinize.determinize(f, Determinize.Options.defaults());
    assertEquals("0 1 1 1 1;1 2 2 2 3;1 2 3 3 2;2;", print(d));
  }

  @Test
  void determinizeStarRemovesInputEpsilonsAndEmitsOutputChains() throws IOException {
    // a:x then eps:y then b:z  ->  a:x, b:y followed by eps:z (common output prefix emitted as early as possible).
    VectorFst f = fst("0 1 1 10;1 2 0 11;2 3 2 12;3");
    VectorFst d = Determinize.determinizeStar(f, Determinize.Options.defaults());
    assertEquals(Map.of("[1, 2]|[10, 11, 12]", 0.0), PathRelation.of(d));
    for (int s = 0; s < d.numStates(); s++) {
      for (int a = 0; a < d.numArcs(s); a++) {
        assertTrue(d.ilabel(s, a) != 0 || d.numArcs(s) == 1, "epsilon input only on chains");
      }
    }
  }

  @Test
  void determinizeFailsClearlyOnNonFunctionalInputAndBudget() throws IOException {
    VectorFst nonFunctional = fst("0 1 1 1;0 1 1 2;1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Determinize.determinize(nonFunctional, Determinize.Options.defaults()));
    assertTrue(e.getMessage().contains("not functional"), e.getMessage());
    // Classic non-determinizable (twins property fails): two cycles on 'a' with different weights.
    VectorFst twins = fst("0 1 1 1 0;0 2 1 1 0;1 1 1 1 1;2 2 1 1 2;1 3 2 2;2 3 3 3;3");
    IllegalStateException b = assertThrows(IllegalStateException.class,
        () -> Determinize.determinize(twins, new Determinize.Options(Semiring.DEFAULT_DELTA, 10_000, 1000)));
    assertTrue(b.getMessage().contains("budget"), b.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Determinize.Options(0, 1, 1));
  }

  @Test
  void minimizeMergesEquivalentSuffixes() throws IOException {
    VectorFst f = fst("0 1 1 1;0 2 2 2;1 3 3 3;2 4 3 3;3;4");
    VectorFst m = Minimize.minimize(f, Semiring.DEFAULT_DELTA);
    assertEquals(3, m.numStates());
    assertEquals(PathRelation.of(f), PathRelation.of(m));
  }

  @Test
  void composeWithEpsilonsCountsEachPathOnce() throws IOException {
    VectorFst a = fst("0 1 1 0 1;1 2 2 5 1;2");
    VectorFst b = fst("0 1 0 7 1;1 2 5 8 1;2");
    VectorFst c = Compose.compose(a, b, Compose.Options.defaults());
    assertEquals(Map.of("[1, 2]|[7, 8]", 4.0), PathRelation.of(c));
    Semiring log = Semiring.LOG;
    assertEquals(log.plus(1, 1), 1 - Math.log(2), 1e-12);
  }

  @Test
  void rationalOperationsAndLabels() throws IOException {
    VectorFst a = fst("0 1 1 2 0.5;1");
    VectorFst b = fst("0 1 3 4 0.25;1 0.125");
    assertEquals(Map.of("[1, 3]|[2, 4]", 0.875), PathRelation.of(Rational.concat(a, b)));
    VectorFst star = Rational.closure(a, true);
    assertEquals(0.0, PathRelation.of(star, 3).get("[]|[]"));
    assertEquals(1.0, PathRelation.of(star, 4).get("[1, 1]|[2, 2]"));
    VectorFst inv = VectorFst.copyOf(a);
    Labels.invert(inv);
    assertEquals(Map.of("[2]|[1]", 0.5), PathRelation.of(inv));
    Labels.project(inv, true);
    assertEquals(Map.of("[1]|[1]", 0.5), PathRelation.of(inv));
    Labels.removeSymbols(inv, Set.of(1), false);
    assertEquals(Map.of("[]|[1]", 0.5), PathRelation.of(inv));
    Labels.relabel(inv, Map.of(), Map.of(1, 9));
    assertEquals(Map.of("[]|[9]", 0.5), PathRelation.of(inv));
  }

  @Test
  void nBestAndPrune() throws IOException {
    VectorFst f = fst("0 1 1 1 1;0 1 2 2 2;0 1 3 3 4;1 2 4 4 0;1 2 5 5 3;2");
    VectorFst best = ShortestPath.nShortest(f, 3, 1e-6);
    assertEquals(Map.of("[1, 4]|[1, 4]", 1.0, "[2, 4]|[2, 4]", 2.0, "[1, 5]|[1, 5]", 4.0), PathRelation.of(best));
    VectorFst pruned = Prune.prune(f, 2.5, 1e-6);
    assertEquals(Map.of("[1, 4]|[1, 4]", 1.0, "[2, 4]|[2, 4]", 2.0), PathRelation.of(pruned));
    double[] d = ShortestDistance.forward(f, 1e-6);
    assertEquals(1.0, d[1]);
    assertEquals(1.0, d[2]);
  }

  @Test
  void arcSortAndConnectModifyInPlace() throws IOException {
    VectorFst f = fst("0 1 3 1;0 2 1 2;0 3 2 0;1;2");
    ArcSort.byInput(f);
    assertEquals(1, f.ilabel(0, 0));
    ArcSort.byOutput(f);
    assertEquals(0, f.olabel(0, 0));
    Connect.connect(f);
    assertEquals(3, f.numStates());
  }
}
