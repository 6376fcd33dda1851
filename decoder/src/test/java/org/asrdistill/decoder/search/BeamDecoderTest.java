package org.asrdistill.decoder.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.hmm.decodable.DecodableMatrixScaled;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class BeamDecoderTest {
  private static final int CASES = 600;

  /** Acceptance: exhaustive search equals the exact shortest path; beam 16 equals it in >= 99% of cases. */
  @Test
  void matchesExactShortestPathOnRandomProblems() {
    Random rnd = new Random(20260101L);
    int exact = 0;
    int beamEqual = 0;
    int compared = 0;
    int unreachable = 0;
    int prunedCases = 0;
    for (int c = 0; c < CASES; c++) {
      int labels = 2 + rnd.nextInt(6);
      VectorFst graph = RandomProblems.randomGraph(rnd, 2 + rnd.nextInt(40), labels, 5, 0.25);
      FloatMatrix ll = RandomProblems.randomLoglikes(rnd, 1 + rnd.nextInt(25), labels, 1 + 12 * rnd.nextDouble());
      float scale = 0.1f + rnd.nextFloat();
      double ref = RandomProblems.exactBestCost(graph, ll, scale);
      DecodingGraph dg = DecodingGraph.of(graph);
      DecodeResult full = new BeamDecoder(dg, DecoderOptions.exhaustive()).decode(new DecodableMatrixScaled(ll, scale));
      if (ref == Double.POSITIVE_INFINITY) {
        assertTrue(full == null || !full.reachedFinal(), "case " + c);
        unreachable++;
        continue;
      }
      compared++;
      assertNotNull(full, "case " + c);
      assertTrue(full.reachedFinal(), "case " + c);
      assertEquals(ref, full.cost(), 1e-3 * Math.max(1, Math.abs(ref)), "case " + c);
      assertEquals(ll.rows(), full.alignment().length);
      double ac = 0;
      for (int t = 0; t < ll.rows(); t++) {
        ac -= scale * ll.get(t, full.alignment()[t] - 1);
      }
      assertEquals(ac, full.acousticCost(), 1e-3 * Math.max(1, Math.abs(ac)), "case " + c);
      exact++;
      // min-active 0: Kaldi's default of 20 would switch pruning off on graphs this small
      BeamDecoder d16 = new BeamDecoder(dg, DecoderOptions.defaults().withMinActive(0));
      DecodeResult b16 = d16.decode(new DecodableMatrixScaled(ll, scale));
      prunedCases += d16.numPruned() > 0 ? 1 : 0;
      if (b16 != null && b16.reachedFinal() && Math.abs(b16.cost() - ref) <= 1e-3 * Math.max(1, Math.abs(ref))) {
        beamEqual++;
      }
    }
    System.out.printf(java.util.Locale.ROOT,
        "decoder vs exact: %d cases, %d with a final state reachable, exhaustive equal %d, beam 16 equal %d (%.2f%%; "
            + "the beam pruned something in %d), %d unreachable%n", CASES, compared, exact, beamEqual,
        100.0 * beamEqual / compared, prunedCases, unreachable);
    assertTrue(compared >= 500, "compared " + compared);
    assertEquals(compared, exact);
    assertTrue(beamEqual >= 0.99 * compared, "beam 16 equal in " + beamEqual + " of " + compared);
  }

  @Test
  void maxActiveBoundsTheSearchAndNeverBeatsExact() {
    Random rnd = new Random(7);
    for (int c = 0; c < 200; c++) {
      int labels = 4;
      VectorFst graph = RandomProblems.randomGraph(rnd, 30, labels, 5, 0.2);
      FloatMatrix ll = RandomProblems.randomLoglikes(rnd, 20, labels, 3);
      double ref = RandomProblems.exactBestCost(graph, ll, 1f);
      DecoderOptions o = DecoderOptions.defaults().withMaxActive(3).withMinActive(1);
      BeamDecoder d = new BeamDecoder(DecodingGraph.of(graph), o);
      DecodeResult r = d.decode(new DecodableMatrixScaled(ll, 1f));
      if (r != null && r.reachedFinal()) {
        assertTrue(r.cost() >= ref - 1e-3, "case " + c);
      }
    }
  }

  @Test
  void partialPathWhenNoFinalStateIsReached() {
    VectorFst f = new VectorFst(Semiring.TROPICAL);
    f.addState();
    f.addState();
    f.setStart(0);
    f.addArc(0, 1, 7, 0.5f, 1);
    f.addArc(1, 2, 0, 0.25f, 1);
    f.setFinal(0, 0f); // only the start is final: unreachable after one frame
    FloatMatrix ll = new FloatMatrix(3, 2, new float[] {-1, -2, -3, -4, -5, -6});
    BeamDecoder d = new BeamDecoder(DecodingGraph.of(f), DecoderOptions.defaults());
    DecodeResult r = d.decode(new DecodableMatrixScaled(ll, 1f));
    assertFalse(r.reachedFinal());
    assertTrue(Arrays.equals(new int[] {7}, r.words()));
    assertTrue(Arrays.equals(new int[] {1, 2, 2}, r.alignment()));
    assertEquals(0.5 + 0.25 + 0.25, r.graphCost(), 1e-6);
    assertEquals(1 + 4 + 6, r.acousticCost(), 1e-6);
    assertEquals(0, r.wordFrames()[0]);
  }

  @Test
  void garbageCollectionKeepsLongUtterancesExact() {
    Random rnd = new Random(3);
    int labels = 6;
    VectorFst graph = RandomProblems.randomGraph(rnd, 200, labels, 20, 0.1);
    FloatMatrix ll = RandomProblems.randomLoglikes(rnd, 3000, labels, 2);
    double ref = RandomProblems.exactBestCost(graph, ll, 1f);
    DecodeResult r = new BeamDecoder(DecodingGraph.of(graph), DecoderOptions.exhaustive())
        .decode(new DecodableMatrixScaled(ll, 1f));
    assertEquals(ref, r.cost(), 1e-6 * Math.abs(ref) + 1e-3);
  }

  @Test
  void selectFindsKthSmallest() {
    Random rnd = new Random(11);
    for (int c = 0; c < 300; c++) {
      int n = 1 + rnd.nextInt(50);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = rnd.nextInt(10);
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = rnd.nextInt(n);
      assertEquals(sorted[k], Select.kth(a, 0, n, k));
    }
  }

  @Test
  void rejectsBadOptions() {
    assertThrows(IllegalArgumentException.class, () -> new DecoderOptions(-1, 10, 2, 0.5, 10));
    assertThrows(IllegalArgumentException.class, () -> new DecoderOptions(10, 10, 10, 0.5, 10));
  }
}
