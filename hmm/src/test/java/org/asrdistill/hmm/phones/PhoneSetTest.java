package org.asrdistill.hmm.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asrdistill.hmm.topology.HmmTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-worked prepare_lang.sh example: silence_phones.txt = "SIL" and "SPN" lines, nonsilence_phones.txt =
 * "a" and "b" lines, optional_silence.txt = SIL, empty extra_questions.txt, lexicon a -> a, ab -> a b,
 * ba -> b a, &lt;unk&gt; -> SPN (no homophones or prefixes after position marking, so add_lex_disambig.pl
 * prints 0 and ndisambig = 0 + 1).
 */
class PhoneSetTest {
  private static final List<List<String>> SIL = List.of(List.of("SIL"), List.of("SPN"));
  private static final List<List<String>> NONSIL = List.of(List.of("a"), List.of("b"));
  private static final List<List<String>> LEXICON = List.of(List.of("a"), List.of("a", "b"), List.of("b", "a"),
      List.of("SPN"));

  static PhoneSet example() {
    int nd = LexiconDisambiguation.numDisambig(LEXICON, true, 1);
    return PhoneSet.create(SIL, NONSIL, "SIL", List.of(), nd, PhoneSet.Options.defaults());
  }

  @Test
  void phonesTxtNumberingAsPrepareLang() {
    PhoneSet ps = example();
    assertEquals(List.of("<eps>", "SIL", "SIL_B", "SIL_E", "SIL_I", "SIL_S", "SPN", "SPN_B", "SPN_E", "SPN_I",
        "SPN_S", "a_B", "a_E", "a_I", "a_S", "b_B", "b_E", "b_I", "b_S", "#0", "#1"), ps.symbols());
    assertEquals(14, ps.id("a_S"));
    assertEquals(List.of(List.of("SIL", "SIL_B", "SIL_E", "SIL_I", "SIL_S"),
        List.of("SPN", "SPN_B", "SPN_E", "SPN_I", "SPN_S"), List.of("a_B", "a_E", "a_I", "a_S"),
        List.of("b_B", "b_E", "b_I", "b_S")), ps.sets());
    assertEquals(List.of(1, 2, 3, 4, 5), java.util.Arrays.stream(ps.setIds().get(0)).boxed().toList());
  }

  @Test
  void langDirectoryFiles(@TempDir Path dir) throws IOException {
    example().writeLangPhones(dir, 3, 5);
    Path ph = dir.resolve("phones");
    assertEquals("<eps> 0\nSIL 1\nSIL_B 2\nSIL_E 3\nSIL_I 4\nSIL_S 5\nSPN 6\nSPN_B 7\nSPN_E 8\nSPN_I 9\nSPN_S 10\n"
        + "a_B 11\na_E 12\na_I 13\na_S 14\nb_B 15\nb_E 16\nb_I 17\nb_S 18\n#0 19\n#1 20\n",
        Files.readString(dir.resolve("phones.txt")));
    assertEquals("1:2:3:4:5:6:7:8:9:10\n", Files.readString(ph.resolve("silence.csl")));
    assertEquals("11:12:13:14:15:16:17:18\n", Files.readString(ph.resolve("nonsilence.csl")));
    assertEquals("19:20\n", Files.readString(ph.resolve("disambig.csl")));
    assertEquals("SIL\n", Files.readString(ph.resolve("optional_silence.txt")));
    assertEquals("1\n", Files.readString(ph.resolve("optional_silence.int")));
    assertEquals(Files.readString(ph.resolve("silence.txt")), Files.readString(ph.resolve("context_indep.txt")));
    assertEquals("shared split SIL SIL_B SIL_E SIL_I SIL_S\nshared split SPN SPN_B SPN_E SPN_I SPN_S\n"
        + "shared split a_B a_E a_I a_S\nshared split b_B b_E b_I b_S\n", Files.readString(ph.resolve("roots.txt")));
    assertEquals("shared split 1 2 3 4 5\nshared split 6 7 8 9 10\nshared split 11 12 13 14\n"
        + "shared split 15 16 17 18\n", Files.readString(ph.resolve("roots.int")));
    assertEquals("1 2 3 4 5\n6 7 8 9 10\n11 12 13 14\n15 16 17 18\n", Files.readString(ph.resolve("sets.int")));
    // the position questions are echoed with a trailing space in prepare_lang.sh
    assertEquals("a_B b_B \na_E b_E \na_I b_I \na_S b_S \nSIL SPN \nSIL_B SPN_B \nSIL_E SPN_E \nSIL_I SPN_I \n"
        + "SIL_S SPN_S \n", Files.readString(ph.resolve("extra_questions.txt")));
    assertEquals("11 15\n12 16\n13 17\n14 18\n1 6\n2 7\n3 8\n4 9\n5 10\n",
        Files.readString(ph.resolve("extra_questions.int")));
    List<String> wb = Files.readAllLines(ph.resolve("word_boundary.txt"));
    assertEquals(18, wb.size());
    assertEquals("SIL nonword", wb.get(0));
    assertEquals("SIL_B begin", wb.get(1));
    assertEquals("a_I internal", wb.get(12));
    assertEquals("b_S singleton", wb.get(17));
    assertEquals("11 begin", Files.readAllLines(ph.resolve("word_boundary.int")).get(10));
    assertEquals("19\n", Files.readString(ph.resolve("wdisambig_phones.int")));
    assertEquals(HmmTopology.genTopoText(3, 5, new int[] {11, 12, 13, 14, 15, 16, 17, 18},
        new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), Files.readString(dir.resolve("topo")));
    try (var files = Files.list(ph)) {
      assertEquals(0, files.filter(f -> f.getFileName().toString().contains(".tmp.")).count());
    }
  }

  @Test
  void addLexDisambig() {
    // homophones: "to" and "two" (t uw) get #1 and #2; "t" alone is not a prefix once positions are marked
    List<List<String>> lex = List.of(List.of("t", "uw"), List.of("t", "uw"), List.of("t"));
    assertEquals(2 + 1, LexiconDisambiguation.numDisambig(lex, true, 1));
    LexiconDisambiguation.Result r = LexiconDisambiguation.addDisambig(
        lex.stream().map(LexiconDisambiguation::markPositions).toList(), 1);
    assertEquals(List.of(List.of("t_B", "uw_E", "#1"), List.of("t_B", "uw_E", "#2"), List.of("t_S")), r.prons());
    // without position marking "t" is a prefix of "t uw" and needs #1
    assertEquals(List.of(List.of("t", "uw", "#1"), List.of("t", "uw", "#2"), List.of("t", "#1")),
        LexiconDisambiguation.addDisambig(lex, 1).prons());
    // the lexicon of the example: nothing to disambiguate
    assertEquals(1, LexiconDisambiguation.numDisambig(LEXICON, true, 1));
    assertEquals(2, LexiconDisambiguation.numDisambig(LEXICON, false, 1)); // a is a prefix of a b
  }

  @Test
  void optionsAndErrors() {
    PhoneSet plain = PhoneSet.create(SIL, NONSIL, "SIL", List.of(List.of("a", "b")), 1,
        new PhoneSet.Options(false, true));
    assertEquals(List.of("<eps>", "SIL", "SPN", "a", "b", "#0", "#1"), plain.symbols());
    assertEquals(new PhoneSet.Root(false, false, List.of("SIL", "SPN")), plain.roots().get(0));
    assertEquals(List.of(List.of("a", "b")), plain.extraQuestions());
    assertThrows(IllegalArgumentException.class, () -> PhoneSet.create(SIL, NONSIL, "a", List.of(), 1,
        PhoneSet.Options.defaults()));
    assertThrows(IllegalArgumentException.class, () -> PhoneSet.create(SIL, List.of(List.of("SIL")), "SIL",
        List.of(), 1, PhoneSet.Options.defaults()));
  }
}
