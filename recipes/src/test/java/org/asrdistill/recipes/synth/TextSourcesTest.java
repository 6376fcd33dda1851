package org.asrdistill.recipes.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourcesTest {
  @Test
  void normaliseKeepsInnerApostrophesAndRejectsDigits() {
    assertEquals(List.of("don't", "panic"), TextSources.normalise("\"Don't PANIC,\" "));
    assertNull(TextSources.normalise("call 555 now"));
    assertEquals(List.of("rock", "roll"), TextSources.normalise("rock -- roll"));
  }

  @Test
  void digitStringsUseDigitWordsWithinLength() {
    Random r = new Random(3);
    for (int i = 0; i < 500; i++) {
      List<String> w = TextSources.digitString(r, 7);
      assertTrue(w.size() >= 1 && w.size() <= 7);
      assertTrue(TextSources.DIGIT_WORDS.containsAll(w));
    }
  }

  @Test
  void readsCmudictAlternatesAndFortunesFilteredToVocabulary(@TempDir Path dir) throws Exception {
    Path dict = dir.resolve("d.dict");
    Files.writeString(dict, "a AH\na(2) EY\nfool F UW L\nthe DH AH\nwise W AY Z\n");
    Map<String, List<List<String>>> lex = TextSources.readCmudict(dict);
    assertEquals(List.of(List.of("AH"), List.of("EY")), lex.get("a"));
    Path fortunes = Files.createDirectories(dir.resolve("f"));
    Files.writeString(fortunes.resolve("misc"), "The wise fool. A fool!\n%\nThe 3 fools.\n%\nThe unknown word.\n");
    List<List<String>> s = TextSources.fortuneSentences(fortunes, lex.keySet(), 2, 10, 1);
    assertEquals(2, s.size());
    assertTrue(s.contains(List.of("the", "wise", "fool")));
    assertTrue(s.contains(List.of("a", "fool")));
  }
}
