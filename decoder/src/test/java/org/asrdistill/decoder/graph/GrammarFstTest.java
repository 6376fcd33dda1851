package org.asrdistill.decoder.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asrdistill.decoder.lm.ArpaModel;
import org.asrdistill.decoder.lm.KneserNey;
import org.asrdistill.decoder.lm.KneserNeyTest;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.Compose;
import org.junit.jupiter.api.Test;

class GrammarFstTest {
  static final int BACKOFF = 1000;

  static Map<String, Integer> wordIds(ArpaModel lm) {
    Map<String, Integer> ids = new HashMap<>();
    for (ArpaModel.Ngram g : lm.ngrams(1)) {
      ids.put(g.words()[0], ids.size() + 1);
    }
    return ids;
  }

  static VectorFst linear(List<Integer> words) {
    VectorFst a = new VectorFst(Semiring.TROPICAL);
    int s = a.addState();
    a.setStart(s);
    for (int w : words) {
      int t = a.addState();
      a.addArc(s, w, w, 0f, t);
      s = t;
    }
    a.setFinal(s, Semiring.ONE);
    return a;
  }

  @Test
  void arpaGrammarScoresSentencesAsTheLm() throws Exception {
    ArpaModel lm = KneserNey.estimate(KneserNeyTest.corpus(), new KneserNey.Options(3, null));
    Map<String, Integer> ids = wordIds(lm);
    GrammarFst.Compiled c = GrammarFst.fromArpa(lm, w -> ids.getOrDefault(w, -1), BACKOFF, "<s>", "</s>");
    assertEquals(0, c.skippedNgrams());
    VectorFst g = c.fst();
    Map<String, float[]> m = new HashMap<>();
    for (int n = 1; n <= 3; n++) {
      for (ArpaModel.Ngram ng : lm.ngrams(n)) {
        m.put(String.join(" ", ng.words()), new float[] {ng.logProb10(), ng.backoff10()});
      }
    }
    // no state has two arcs with the same word
    for (int s = 0; s < g.numStates(); s++) {
      for (int a = 1; a < g.numArcs(s); a++) {
        assertTrue(g.ilabel(s, a) == BACKOFF || g.ilabel(s, a) != g.ilabel(s, a - 1));
      }
    }
    String[] sentences = {"the cat sat on the mat", "dog cat the", "a log", "the dog and the dog saw a mat"};
    for (String sent : sentences) {
      List<String> h = new ArrayList<>(List.of("<s>"));
      double exact = 0;
      List<Integer> seq = new ArrayList<>();
      for (String w : (sent + " </s>").split(" ")) {
        List<String> ctx = h.subList(Math.max(0, h.size() - 2), h.size());
        exact += -KneserNeyTest.logProb(m, ctx, w) * Math.log(10);
        h.add(w);
        if (!w.equals("</s>")) {
          seq.add(ids.get(w));
        }
      }
      Fst gs = Compose.compose(g, linear(seq), Compose.Options.defaults());
      List<FstPaths.Path> paths = FstPaths.enumerate(gs, 100, 100);
      assertTrue(!paths.isEmpty(), sent);
      double best = Double.POSITIVE_INFINITY;
      boolean found = false;
      for (FstPaths.Path p : paths) {
        best = Math.min(best, p.cost());
        found |= Math.abs(p.cost() - exact) < 1e-3;
      }
      assertTrue(found, sent + ": no path with the LM's cost " + exact);
      assertTrue(best <= exact + 1e-3, sent);
    }
  }

  @Test
  void wordLoopAndStrings() {
    VectorFst loop = GrammarFst.wordLoop(new int[] {3, 1, 2}, null);
    assertEquals(1, loop.numStates());
    assertEquals(3, loop.numArcs(0));
    assertEquals(Math.log(3), loop.weight(0, 0), 1e-6);
    VectorFst digits = GrammarFst.wordStrings(new int[] {1, 2}, 2, 3);
    List<FstPaths.Path> p = FstPaths.enumerate(digits, 10, 10);
    assertEquals(4 + 8, p.size());
    for (FstPaths.Path x : p) {
      assertEquals(x.out().size() * Math.log(2), x.cost(), 1e-5);
    }
  }
}
