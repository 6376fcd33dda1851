package org.asrdistill.decoder.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.decoder.search.RandomProblems;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.hmm.decodable.DecodableMatrixScaled;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class LatticeTest {
  /** Best (graph, acoustic) pair per word sequence over all successful paths (brute force). */
  private static Map<String, double[]> wordSequences(Lattice lat) {
    Map<String, double[]> m = new HashMap<>();
    enumerate(lat, lat.start(), new ArrayList<>(), 0, 0, m);
    return m;
  }

  private static void enumerate(Lattice lat, int s, List<Integer> words, double g, double a, Map<String, double[]> m) {
    if (lat.isFinal(s)) {
      double[] w = {g + lat.finalGraph(s), a + lat.finalAcoustic(s)};
      double[] old = m.get(words.toString());
      if (old == null || LatticeWeight.compare(w[0], w[1], old[0], old[1]) > 0) {
        m.put(words.toString(), w);
      }
    }
    for (int k = 0; k < lat.numArcs(s); k++) {
      if (lat.olabel(s, k) != 0) {
        words.add(lat.olabel(s, k));
      }
      enumerate(lat, lat.nextState(s, k), words, g + lat.graph(s, k), a + lat.acoustic(s, k), m);
      if (lat.olabel(s, k) != 0) {
        words.remove(words.size() - 1);
      }
    }
  }

  private static void enumerateCompact(CompactLattice c, int s, List<Integer> words, double g, double a,
      int frames, int numFrames, Map<String, double[]> m) {
    if (c.isFinal(s)) {
      assertEquals(numFrames, frames + c.finalString(s).length, "every path covers every frame");
      double[] old = m.put(words.toString(), new double[] {g + c.finalGraph(s), a + c.finalAcoustic(s)});
      assertNull(old, "word sequence " + words + " appears twice: not deterministic");
    }
    for (int k = 0; k < c.numArcs(s); k++) {
      words.add(c.label(s, k));
      enumerateCompact(c, c.nextState(s, k), words, g + c.graph(s, k), a + c.acoustic(s, k),
          frames + c.string(s, k).length, numFrames, m);
      words.remove(words.size() - 1);
    }
  }

  @Test
  void determinizedLatticeKeepsTheBestPathPerWordSequence() {
    Random rnd = new Random(99);
    int checked = 0;
    for (int c = 0; c < 300; c++) {
      int labels = 3;
      VectorFst graph = RandomProblems.randomGraph(rnd, 2 + rnd.nextInt(5), labels, 3, 0.2, true);
      FloatMatrix ll = RandomProblems.randomLoglikes(rnd, 1 + rnd.nextInt(5), labels, 2);
      double ref = RandomProblems.exactBestCost(graph, ll, 1f);
      BeamDecoder dec = new BeamDecoder(DecodingGraph.of(graph), DecoderOptions.exhaustive(), true);
      DecodeResult r = dec.decode(new DecodableMatrixScaled(ll, 1f));
      if (ref == Double.POSITIVE_INFINITY) {
        continue;
      }
      double beam = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : 2.0;
      Lattice raw = LatticeOps.fromTokens(dec.tokenLattice(), true);
      Lattice lat = LatticeOps.prune(raw, beam);
      Map<String, double[]> expect = wordSequences(lat);
      CompactLattice clat = LatticeDeterminize.determinize(lat, 100000);
      Map<String, double[]> got = new HashMap<>();
      enumerateCompact(clat, clat.start(), new ArrayList<>(), 0, 0, 0, ll.rows(), got);
      assertEquals(expect.keySet(), got.keySet(), "case " + c);
      for (String k : expect.keySet()) {
        assertEquals(expect.get(k)[0], got.get(k)[0], 1e-3, "case " + c + " " + k);
        assertEquals(expect.get(k)[1], got.get(k)[1], 1e-3, "case " + c + " " + k);
      }
      // every word sequence whose best path is within the lattice beam survives with that path's weight
      for (Map.Entry<String, double[]> e : wordSequences(raw).entrySet()) {
        double[] w = e.getValue();
        if (w[0] + w[1] <= ref + beam - 1e-3) {
          assertNotNull(got.get(e.getKey()), "case " + c + " lost " + e.getKey());
          assertEquals(w[0] + w[1], got.get(e.getKey())[0] + got.get(e.getKey())[1], 1e-3);
        }
      }
      LatticeOps.LatticePath best = LatticeOps.bestPath(clat, 1, 1);
      assertNotNull(best);
      assertEquals(ref, best.graphCost() + best.acousticCost(), 1e-3, "case " + c);
      assertEquals(r.cost(), best.graphCost() + best.acousticCost(), 1e-3);
      assertEquals(ll.rows(), best.alignment().length);
      checked++;
    }
    assertTrue(checked > 200, "checked " + checked);
  }

  @Test
  void lmWeightSweepAndScale() {
    CompactLattice c = new CompactLattice();
    int s0 = c.addState();
    int s1 = c.addState();
    c.setStart(s0);
    c.addArc(s0, 5, 1f, 10f, new int[] {1, 1}, s1); // cheap LM, poor acoustics
    c.addArc(s0, 6, 4f, 4f, new int[] {2, 2}, s1); // costly LM, good acoustics
    c.setFinal(s1, 0f, 0f, new int[] {3});
    LatticeOps.LatticePath[] p = LatticeOps.lmWeightSweep(c, new int[] {1, 10});
    assertArrayEquals(new int[] {6}, p[0].words()); // 4 + 4 < 1 + 10
    assertArrayEquals(new int[] {5}, p[1].words()); // 1 + 1.0 < 4 + 0.4
    assertArrayEquals(new int[] {1, 1, 3}, p[1].alignment());
    LatticeOps.scale(c, 2, 0.5, 0, 0);
    assertEquals(2f, c.graph(0, 0));
    assertEquals(5f, c.acoustic(0, 0));
    assertEquals(Arrays.toString(new int[] {5}), Arrays.toString(LatticeOps.bestPath(c, 1, 1).words()));
  }
}
