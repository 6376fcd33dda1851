package org.asrdistill.eval.wer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WerScorerTest {
  @TempDir
  Path tmp;

  private Path file(String name, String... lines) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  private Path ref() throws Exception {
    return file("ref.txt", "s1-u1 a b c d", "s1-u2 x y z", "s2-u1 a a a", "s2-u2 one two");
  }

  private Path hyp() throws Exception {
    return file("hyp.txt", "s1-u1 a c c d e", "s1-u2", "s2-u1 a a");
  }

  private static String kaldi(Path ref, Path hyp, ScoringMode mode) throws Exception {
    WerResult r = new WerScorer(WerOptions.defaults().withMode(mode))
        .score(Transcripts.read(ref.toString()), Transcripts.read(hyp.toString()), Speakers.spuIdRule());
    return WerReports.kaldiSummary(r);
  }

  @Test
  void kaldiOutputInPresentAndAllModes() throws Exception {
    assertEquals("%WER 60.00 [ 6 / 10, 1 ins, 4 del, 1 sub ] [PARTIAL]\n"
        + "%SER 100.00 [ 3 / 3 ]\n"
        + "Scored 3 sentences, 1 not present in hyp.\n", kaldi(ref(), hyp(), ScoringMode.PRESENT));
    assertEquals("%WER 66.67 [ 8 / 12, 1 ins, 6 del, 1 sub ] [PARTIAL]\n"
        + "%SER 100.00 [ 4 / 4 ]\n"
        + "Scored 4 sentences, 1 not present in hyp.\n", kaldi(ref(), hyp(), ScoringMode.ALL));
  }

  @Test
  void strictModeFailsOnMissingHypothesisAndScoresCompleteSets() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kaldi(ref(), hyp(), ScoringMode.STRICT));
    assertEquals("No hypothesis for key s2-u2 and strict mode specifier.", e.getMessage());
    Path full = file("full.txt", "s1-u1 a b c d", "s1-u2 x y z", "s2-u1 a a a", "s2-u2 one two");
    assertEquals("%WER 0.00 [ 0 / 12, 0 ins, 0 del, 0 sub ]\n%SER 0.00 [ 0 / 4 ]\n"
        + "Scored 4 sentences, 0 not present in hyp.\n", kaldi(ref(), full, ScoringMode.STRICT));
  }

  @Test
  void trnAndTextInputsGiveTheSameCounts() throws Exception {
    Path refTrn = file("ref.trn", "a b c d (s1-u1)", "x y z (s1-u2)", "a a a (s2-u1)", "one two (s2-u2)");
    Path hypTrn = file("hyp.trn", "a c c d e (s1-u1)", "(s1-u2)", "a a (s2-u1)");
    assertTrue(Transcripts.read(refTrn.toString()).isTrn());
    assertTrue(Transcripts.read("trn:" + hypTrn).isTrn());
    assertEquals(kaldi(ref(), hyp(), ScoringMode.ALL), kaldi(refTrn, hypTrn, ScoringMode.ALL));
    assertEquals(kaldi(ref(), hyp(), ScoringMode.ALL),
        kaldi(Path.of("ark:" + ref()), Path.of("ark,t:" + hyp()), ScoringMode.ALL));
  }

  @Test
  void speakersDetailAndPra() throws Exception {
    WerResult r = new WerScorer(WerOptions.defaults().withMode(ScoringMode.ALL))
        .score(Transcripts.read(ref().toString()), Transcripts.read(hyp().toString()), Speakers.spuIdRule());
    assertEquals(List.of("s1", "s2"), List.copyOf(r.speakers().keySet()));
    assertEquals(new ErrorCounts(2, 2, 7, 3, 1, 3, 1), r.speakers().get("s1"));
    assertEquals(1L, r.confusions().get("b ==> c"));
    assertEquals(1L, r.insertions().get("e"));
    assertEquals(1L, r.deletions().get("a"));
    assertEquals(1L, r.deletions().get("two"));
    StringBuilder pra = new StringBuilder();
    WerReports.appendPra(pra, r.utterances().get(0));
    assertEquals("id: (s1-u1)\nScores: (#C #S #D #I) 3 1 0 1\nREF:  a B c d * \nHYP:  a C c d E \n"
        + "Eval:   S     I \n\n", pra.toString());
    String table = WerReports.speakerTable(r, "hyp", false);
    assertTrue(table.contains("| s1      |    2      7 |    3      1      3      1      5      2 |"), table);
    String dtl = WerReports.detail(r);
    assertTrue(dtl.contains("   1:    1  ->  b ==> c"), dtl);
  }

  @Test
  void characterErrorRate() {
    Transcripts ref = Transcripts.of(List.of("u1"), List.<String[]>of(new String[] {"abc", "de"}));
    Transcripts hyp = Transcripts.of(List.of("u1"), List.<String[]>of(new String[] {"abd", "de"}));
    WerResult r = new WerScorer(WerOptions.defaults().withCharacters(true)).score(ref, hyp, Speakers.spuIdRule());
    assertEquals(5, r.total().refWords());
    assertEquals(1, r.total().substitutions());
  }

  @Test
  void kaldiPercentFormatting() {
    assertEquals("nan", WerReports.kaldiPercent(0, 0));
    assertEquals("inf", WerReports.kaldiPercent(3, 0));
    assertEquals("33.33", WerReports.kaldiPercent(1, 3));
    assertEquals("66.67", WerReports.kaldiPercent(2, 3));
    assertEquals("0.12", WerReports.fixed2(0.125)); // C's printf rounds the exact binary value half-even
  }

  @Test
  void malformedTrnLineNamesFileAndOffset() throws Exception {
    Path bad = file("bad.trn", "a b (u1)", "no id here");
    Exception e = assertThrows(org.asrdistill.kaldiio.KaldiFormatException.class,
        () -> Transcripts.readTrn(bad.toString()));
    assertTrue(e.getMessage().contains("bad.trn") && e.getMessage().contains("byte offset 9"), e.getMessage());
  }
}
