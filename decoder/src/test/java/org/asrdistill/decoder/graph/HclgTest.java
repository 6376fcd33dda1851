package org.asrdistill.decoder.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.Compose;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HclgTest {
  @TempDir
  Path tmp;

  static VectorFst linear(List<Integer> labels) {
    return GrammarFstTest.linear(labels);
  }

  static boolean nonEmpty(Fst f) {
    return f.numStates() > 0 && f.start() >= 0;
  }

  @Test
  void triphoneContextWindows() {
    // LG: phones 1 2 3 with word 7 on the first arc, then disambiguation symbol 9.
    VectorFst lg = new VectorFst(Semiring.TROPICAL);
    for (int i = 0; i < 5; i++) {
      lg.addState();
    }
    lg.setStart(0);
    lg.addArc(0, 1, 7, 0f, 1);
    lg.addArc(1, 2, 0, 0f, 2);
    lg.addArc(2, 3, 0, 0f, 3);
    lg.addArc(3, 9, 0, 0f, 4);
    lg.setFinal(4, 0f);
    ContextFst.Result r = ContextFst.compose(lg, 3, 1, Set.of(9));
    List<FstPaths.Path> paths = FstPaths.enumerate(r.clg(), 5, 20);
    assertEquals(1, paths.size());
    List<int[]> windows = new ArrayList<>();
    for (int il : paths.get(0).in()) {
      windows.add(r.ilabelInfo().get(il));
    }
    assertEquals(4, windows.size());
    assertArrayEquals(new int[] {0, 1, 2}, windows.get(0));
    assertArrayEquals(new int[] {1, 2, 3}, windows.get(1));
    assertArrayEquals(new int[] {-9}, windows.get(2));
    assertArrayEquals(new int[] {2, 3, 0}, windows.get(3));
    assertEquals(List.of(7), paths.get(0).out());
  }

  @Test
  void hclgPathsMapTransitionIdsToWords() throws Exception {
    Path lex = tmp.resolve("lexicon.txt");
    Files.writeString(lex, "a A\nab A B\nba B A\nb B\nc C A\n", StandardCharsets.UTF_8);
    LangDir.Result lang = LangDir.write(LangDir.Dict.read(lex, List.of("SIL")), "<UNK>", tmp.resolve("lang"),
        LangDir.Options.defaults());
    List<String> words = lang.words();
    int[] loopWords = {words.indexOf("a"), words.indexOf("ab"), words.indexOf("ba"), words.indexOf("b"),
        words.indexOf("c")};
    VectorFst g = GrammarFst.wordLoop(loopWords, new double[] {0.3, 0.2, 0.2, 0.2, 0.1});
    HmmTopology topo = lang.phones().topology(3, 5);
    int[] phones = topo.phones();
    ContextDependency ctx = ContextDependency.monophone(phones, topo.phoneToNumPdfClasses());
    TransitionModel tm = TransitionModel.create(ctx, topo);
    Set<Integer> disambig = new HashSet<>();
    for (String d : lang.phones().disambig()) {
      disambig.add(lang.phones().id(d));
    }
    Hclg.Result r = Hclg.build(lang.lexiconDisambigFst(), g, disambig, ctx, tm, Hclg.Options.defaults());
    Fst hclg = r.hclg();
    assertTrue(hclg.numStates() > 0);
    // L without disambiguation symbols, composed with G: the reference word language over phones.
    VectorFst lgRef = Compose.compose(lang.lexiconFst(), g, Compose.Options.defaults());
    Random rnd = new Random(42);
    int checked = 0;
    for (int trial = 0; trial < 200 && checked < 60; trial++) {
      List<Integer> tids = new ArrayList<>();
      List<Integer> out = new ArrayList<>();
      if (!randomPath(hclg, rnd, tids, out)) {
        continue;
      }
      for (int t : tids) {
        assertTrue(t >= 1 && t <= tm.numTransitionIds(), "input label " + t + " is not a transition-id");
      }
      List<Integer> phoneSeq = new ArrayList<>();
      for (int t : tids) {
        if (tm.transitionIdToHmmState(t) == 0 && !tm.isSelfLoop(t)) {
          phoneSeq.add(tm.transitionIdToPhone(t));
        }
      }
      Fst check = Compose.compose(Compose.compose(linear(phoneSeq), lgRef, Compose.Options.defaults()),
          linear(out), Compose.Options.defaults());
      assertTrue(nonEmpty(check), "tids " + tids + " (phones " + phoneSeq + ") do not spell words " + out);
      checked++;
    }
    assertTrue(checked >= 20, "too few complete random paths: " + checked);
    // every word sequence of G has a path in HCLG
    for (int trial = 0; trial < 20; trial++) {
      List<Integer> ws = new ArrayList<>();
      for (int k = rnd.nextInt(4); k > 0; k--) {
        ws.add(loopWords[rnd.nextInt(loopWords.length)]);
      }
      assertTrue(nonEmpty(Compose.compose(hclg, linear(ws), Compose.Options.defaults())), "words " + ws);
    }
    // a sequence of words outside G has none
    assertFalse(nonEmpty(Compose.compose(hclg, linear(List.of(words.indexOf("<UNK>"))), Compose.Options.defaults())));
  }

  /** Random walk to a final state (stop when final with probability 0.3); false if it runs too long. */
  static boolean randomPath(Fst f, Random rnd, List<Integer> in, List<Integer> out) {
    int s = f.start();
    for (int step = 0; step < 400; step++) {
      if (f.isFinal(s) && (f.numArcs(s) == 0 || rnd.nextDouble() < 0.3)) {
        return true;
      }
      if (f.numArcs(s) == 0) {
        return false;
      }
      int a = rnd.nextInt(f.numArcs(s));
      if (f.ilabel(s, a) != 0) {
        in.add(f.ilabel(s, a));
      }
      if (f.olabel(s, a) != 0) {
        out.add(f.olabel(s, a));
      }
      s = f.nextState(s, a);
    }
    return false;
  }
}
