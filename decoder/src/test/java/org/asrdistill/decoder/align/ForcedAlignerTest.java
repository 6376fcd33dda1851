package org.asrdistill.decoder.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asrdistill.decoder.search.RandomProblems;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.hmm.decodable.DecodableMatrixScaledMapped;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class ForcedAlignerTest {
  private static final int[] PHONES = {1, 2, 3, 4, 5, 6};
  private final HmmTopology topo = HmmTopology.generate(3, 5, new int[] {2, 3, 4, 5, 6}, new int[] {1});
  private final ContextDependency ctx = ContextDependency.monophone(PHONES, new int[] {0, 5, 3, 3, 3, 3, 3});
  private final TransitionModel tm = TransitionModel.create(ctx, topo);

  /** A linear training graph over the phones (Kaldi's topology, no reordering), word labels on first arcs. */
  private VectorFst trainingGraph(List<Integer> phones, List<Integer> wordAt) {
    VectorFst f = new VectorFst(Semiring.TROPICAL);
    int entry = f.addState();
    f.setStart(entry);
    for (int i = 0; i < phones.size(); i++) {
      int p = phones.get(i);
      HmmTopology.Entry e = topo.topologyForPhone(p);
      int[] gs = new int[e.size()];
      gs[0] = entry;
      for (int k = 1; k < e.size(); k++) {
        gs[k] = f.addState();
      }
      boolean first = true;
      for (int k = 0; k + 1 < e.size(); k++) {
        HmmTopology.State st = e.state(k);
        int fpdf = ctx.compute(new int[] {p}, st.forwardPdfClass());
        int spdf = ctx.compute(new int[] {p}, st.selfLoopPdfClass());
        int ts = tm.tupleToTransitionState(p, k, fpdf, spdf);
        for (int t = 0; t < st.destinations().length; t++) {
          int tid = tm.pairToTransitionId(ts, t);
          int ol = first && k == 0 && st.destinations()[t] != k ? wordAt.get(i) : 0;
          f.addArc(gs[k], tid, ol, -tm.transitionLogProb(tid), gs[st.destinations()[t]]);
        }
        first = false;
      }
      entry = gs[e.size() - 1];
    }
    f.setFinal(entry, 0f);
    return f;
  }

  /** Log-likelihoods per transition-id (for the exact reference) from a per-pdf matrix. */
  private FloatMatrix perTransitionId(FloatMatrix ll) {
    FloatMatrix m = new FloatMatrix(ll.rows(), tm.numTransitionIds());
    for (int t = 0; t < ll.rows(); t++) {
      for (int tid = 1; tid <= tm.numTransitionIds(); tid++) {
        m.set(t, tid - 1, ll.get(t, tm.transitionIdToPdf(tid)));
      }
    }
    return m;
  }

  @Test
  void alignmentsOfRandomTranscriptsAreValidPaths() {
    Random rnd = new Random(5);
    int[][] lexicon = new int[10][];
    for (int w = 0; w < lexicon.length; w++) {
      lexicon[w] = new int[1 + rnd.nextInt(4)];
      for (int i = 0; i < lexicon[w].length; i++) {
        lexicon[w][i] = 2 + rnd.nextInt(5);
      }
    }
    for (int c = 0; c < 100; c++) {
      List<Integer> phones = new ArrayList<>();
      List<Integer> wordAt = new ArrayList<>();
      List<Integer> words = new ArrayList<>();
      phones.add(1);
      wordAt.add(0);
      for (int n = 1 + rnd.nextInt(5); n > 0; n--) {
        int w = rnd.nextInt(lexicon.length);
        words.add(w + 1);
        for (int i = 0; i < lexicon[w].length; i++) {
          phones.add(lexicon[w][i]);
          wordAt.add(i == 0 ? w + 1 : 0);
        }
      }
      phones.add(1);
      wordAt.add(0);
      VectorFst g = trainingGraph(phones, wordAt);
      int minFrames = 3 * phones.size(); // shortest paths: 3 frames for both topologies (silence: 0-3-4-end)
      int frames = minFrames + rnd.nextInt(30);
      FloatMatrix ll = RandomProblems.randomLoglikes(rnd, frames, tm.numPdfs(), 3);
      ForcedAligner.Result r = ForcedAligner.align(g, new DecodableMatrixScaledMapped(tm, ll, 1f),
          new AlignOptions(200, 0));
      assertTrue(r.succeeded(), "case " + c);
      int[] ali = r.alignment();
      assertEquals(frames, ali.length, "every frame aligned");
      Alignments.Split split = Alignments.splitToPhones(tm, ali);
      assertTrue(split.consistent(), "consistent with the transition model, case " + c);
      assertArrayEquals(phones.stream().mapToInt(Integer::intValue).toArray(), Alignments.toPhones(tm, ali, false));
      assertArrayEquals(words.stream().mapToInt(Integer::intValue).toArray(), r.words());
      assertTrue(accepts(g, ali), "accepted by the training graph, case " + c);
      double exact = RandomProblems.exactBestCost(g, perTransitionId(ll), 1f);
      assertEquals(exact, r.cost(), 1e-3 * Math.max(1, Math.abs(exact)), "case " + c);
    }
  }

  @Test
  void tooFewFramesFailsAfterRetry() {
    VectorFst g = trainingGraph(List.of(1, 2, 3, 1), List.of(0, 4, 0, 0));
    FloatMatrix ll = RandomProblems.randomLoglikes(new Random(1), 5, tm.numPdfs(), 3);
    ForcedAligner.Result r = ForcedAligner.align(g, new DecodableMatrixScaledMapped(tm, ll, 1f),
        new AlignOptions(10, 40));
    assertFalse(r.succeeded());
    assertTrue(r.retried());
  }

  /** Whether the graph (no input epsilons) has a path from start to a final state reading {@code ali}. */
  private static boolean accepts(VectorFst g, int[] ali) {
    java.util.Set<Integer> cur = java.util.Set.of(g.start());
    for (int tid : ali) {
      java.util.Set<Integer> next = new java.util.HashSet<>();
      for (int s : cur) {
        for (int a = 0; a < g.numArcs(s); a++) {
          if (g.ilabel(s, a) == tid) {
            next.add(g.nextState(s, a));
          }
        }
      }
      cur = next;
    }
    return cur.stream().anyMatch(g::isFinal);
  }
}
