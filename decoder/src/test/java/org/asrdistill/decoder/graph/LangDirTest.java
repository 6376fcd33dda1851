package org.asrdistill.decoder.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LangDirTest {
  @TempDir
  Path tmp;

  private LangDir.Result make(String lexicon, double silProb) throws IOException {
    Path lex = tmp.resolve("lexicon.txt");
    Files.writeString(lex, lexicon, StandardCharsets.UTF_8);
    LangDir.Dict dict = LangDir.Dict.read(lex, List.of("SIL"));
    LangDir.Options d = LangDir.Options.defaults();
    LangDir.Options opt = new LangDir.Options(d.positionDependentPhones(), false, silProb, 5, 3, 1);
    return LangDir.write(dict, "<UNK>", tmp.resolve("lang"), opt);
  }

  @Test
  void wordsAndPhonesFollowPrepareLang() throws IOException {
    LangDir.Result r = make("b B\na A\na A B\n", 0.5);
    assertEquals(List.of("<eps>", "<UNK>", "a", "b", "#0", "<s>", "</s>"), r.words());
    String words = Files.readString(tmp.resolve("lang/words.txt"));
    assertTrue(words.startsWith("<eps> 0\n<UNK> 1\na 2\n"), words);
    // all marked prons are unique and no prefix of another: only #0 and the silence symbol #1.
    assertEquals(List.of("#0", "#1"), r.phones().disambig());
    assertEquals("1\n", Files.readString(tmp.resolve("lang/oov.int")));
    assertTrue(Files.exists(tmp.resolve("lang/phones/align_lexicon.int")));
    assertTrue(Files.exists(tmp.resolve("lang/topo")));
  }

  /** Enumerates L's paths with up to two words and compares them with those expected from the lexicon. */
  @Test
  void lexiconPathsMatchEnumeration() throws IOException {
    Path lex = tmp.resolve("lexiconp.txt");
    Files.writeString(lex, "a 1.0 A\nab 1.0 A B\nb 0.5 B\n", StandardCharsets.UTF_8);
    LangDir.Dict dict = LangDir.Dict.read(lex, List.of("SIL"));
    assertEquals(3, dict.lexicon().entries().size());
    LangDir.Result r = LangDir.write(dict, "<UNK>", tmp.resolve("lang"), LangDir.Options.defaults());
    List<String> phones = r.phones().symbols();
    Map<String, Double> got = new HashMap<>();
    for (FstPaths.Path p : FstPaths.enumerate(r.lexiconFst(), 2, 20)) {
      String k = names(p.in(), phones) + "|" + names(p.out(), r.words());
      got.merge(k, p.cost(), Math::min);
    }
    Map<String, Double> want = new HashMap<>();
    String[][] prons = {{"a", "A_S"}, {"ab", "A_B B_E"}, {"b", "B_S"}, {"<UNK>", "SIL_S"}};
    double[] cost = {0, 0, -Math.log(0.5), 0};
    double s = -Math.log(0.5);
    // zero, one or two words; optional silence at the start and after each word, each choice costs -log(0.5).
    List<String[]> seqs = new ArrayList<>();
    seqs.add(new String[0]);
    for (int i = 0; i < prons.length; i++) {
      seqs.add(new String[] {"" + i});
      for (int j = 0; j < prons.length; j++) {
        seqs.add(new String[] {"" + i, "" + j});
      }
    }
    for (String[] seq : seqs) {
      for (int mask = 0; mask < (1 << (seq.length + 1)); mask++) {
        StringBuilder ph = new StringBuilder();
        StringBuilder ws = new StringBuilder();
        double c = s;
        if ((mask & 1) != 0) {
          ph.append("SIL ");
        }
        for (int k = 0; k < seq.length; k++) {
          int w = Integer.parseInt(seq[k]);
          ph.append(prons[w][1]).append(' ');
          ws.append(prons[w][0]).append(' ');
          c += cost[w] + s;
          if ((mask & (2 << k)) != 0) {
            ph.append("SIL ");
          }
        }
        want.merge(ph.toString().trim() + "|" + ws.toString().trim(), c, Math::min);
      }
    }
    // L also has paths ending in silence after a third word etc.; compare on the enumerated word counts only.
    assertEquals(want.keySet(), got.keySet());
    for (String k : want.keySet()) {
      assertEquals(want.get(k), got.get(k), 1e-5, k);
    }
    // L_disambig: same paths once disambiguation symbols are dropped.
    Map<String, Double> gotD = new HashMap<>();
    for (FstPaths.Path p : FstPaths.enumerate(r.lexiconDisambigFst(), 2, 20)) {
      List<Integer> in = p.in().stream().filter(x -> !phones.get(x).startsWith("#")).toList();
      List<Integer> out = p.out().stream().filter(x -> !r.words().get(x).startsWith("#")).toList();
      gotD.merge(names(in, phones) + "|" + names(out, r.words()), p.cost(), Math::min);
    }
    assertEquals(want.keySet(), gotD.keySet());
    // "a" (A_S) and "ab" (A_B B_E) differ after marking, so only the silence disambiguation symbol #1 exists.
    assertEquals(List.of("#0", "#1"), r.phones().disambig());
  }

  private static String names(List<Integer> ids, List<String> table) {
    StringBuilder sb = new StringBuilder();
    for (int i : ids) {
      sb.append(sb.length() == 0 ? "" : " ").append(table.get(i));
    }
    return sb.toString();
  }

  @Test
  void homophonesGetDisambiguationSymbols() throws IOException {
    LangDir.Result r = make("red R EH D\nread R EH D\nre R EH\n", 0.5);
    // homophones red/read get #1/#2; "R_B EH_E" is not a prefix of "R_B EH_I D_E": marking differs.
    assertEquals(List.of("#0", "#1", "#2", "#3"), r.phones().disambig());
  }

  @Test
  void openFstReadsOurLexicon() throws Exception {
    make("a A\nab A B\nb B\n", 0.5);
    Path l = tmp.resolve("lang/L_disambig.fst");
    Fst ours = OpenFstBinary.read(l);
    Process p;
    try {
      p = new ProcessBuilder("fstinfo", l.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.assumeTrue(false, "fstinfo not installed");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.matches("(?s).*# of states\\s+" + ours.numStates() + "\n.*"), out);
    assertTrue(out.matches("(?s).*# of arcs\\s+" + ours.totalArcs() + "\n.*"), out);
    assertTrue(out.matches("(?s).*output label sorted\\s+y.*"), out);
  }
}
