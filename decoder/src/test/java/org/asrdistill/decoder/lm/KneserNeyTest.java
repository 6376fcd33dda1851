package org.asrdistill.decoder.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class KneserNeyTest {
  static final String[] TEXT = {
    "the cat sat on the mat", "the dog sat on the log", "a cat and a dog", "the cat saw the dog",
    "on the mat the cat sat", "a dog saw a cat on a log", "the mat", "cat", "the dog and the cat sat",
    "a log on the mat", "the cat sat", "the dog sat", "dog dog dog", "the the cat"};

  public static List<List<String>> corpus() {
    List<List<String>> s = new ArrayList<>();
    for (String t : TEXT) {
      s.add(List.of(t.split(" ")));
    }
    return s;
  }

  /** log10 p(w | h) by ARPA backoff. */
  public static double logProb(Map<String, float[]> m, List<String> h, String w) {
    for (int start = 0; start <= h.size(); start++) {
      List<String> ctx = h.subList(start, h.size());
      String key = String.join(" ", ctx) + (ctx.isEmpty() ? "" : " ") + w;
      float[] e = m.get(key);
      if (e != null) {
        double bo = 0;
        for (int s2 = 0; s2 < start; s2++) {
          float[] b = m.get(String.join(" ", h.subList(s2, h.size())));
          bo += b == null ? 0 : b[1];
        }
        return bo + e[0];
      }
    }
    throw new AssertionError("no unigram for " + w);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void probabilitiesSumToOnePerHistory(int order) throws IOException {
    ArpaModel lm = KneserNey.estimate(corpus(), new KneserNey.Options(order, null));
    StringWriter sw = new StringWriter();
    lm.write(sw);
    ArpaModel back = ArpaModel.read(new BufferedReader(new StringReader(sw.toString())), "test");
    assertEquals(order, back.order());
    Map<String, float[]> m = new HashMap<>();
    List<String> vocab = new ArrayList<>();
    List<List<String>> histories = new ArrayList<>();
    histories.add(List.of());
    for (int n = 1; n <= order; n++) {
      for (ArpaModel.Ngram g : back.ngrams(n)) {
        m.put(String.join(" ", g.words()), new float[] {g.logProb10(), g.backoff10()});
        if (n == 1 && !g.words()[0].equals("<s>")) {
          vocab.add(g.words()[0]);
        }
        if (n < order && !g.words()[n - 1].equals("</s>")) {
          histories.add(List.of(g.words()));
        }
      }
    }
    assertTrue(vocab.contains("</s>"));
    for (List<String> h : histories) {
      double sum = 0;
      for (String w : vocab) {
        sum += Math.pow(10, logProb(m, h, w));
      }
      assertEquals(1.0, sum, 1e-4, "history " + h);
    }
    // a history never seen in training behaves as its longest seen suffix
    double sum = 0;
    for (String w : vocab) {
      sum += Math.pow(10, logProb(m, List.of("zebra", "cat"), w));
    }
    assertEquals(1.0, sum, 1e-4);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void closedVocabularyMapsOovToUnk(int order) throws IOException {
    ArpaModel lm = KneserNey.estimate(corpus(), new KneserNey.Options(order, Set.of("the", "cat", "zebra")));
    List<String> unigrams = lm.ngrams(1).stream().map(g -> g.words()[0]).toList();
    assertEquals(List.of("</s>", "<s>", "<unk>", "cat", "the", "zebra"), unigrams);
    double sum = 0;
    for (ArpaModel.Ngram g : lm.ngrams(1)) {
      sum += g.words()[0].equals("<s>") ? 0 : Math.pow(10, g.logProb10());
    }
    assertEquals(1.0, sum, 1e-4);
    // zebra never occurs: it still gets probability mass from the uniform distribution
    assertTrue(lm.ngrams(1).get(5).logProb10() > -10);
  }

  @org.junit.jupiter.api.Test
  void corruptArpaNamesTheLine() {
    String bad = "\\data\\\nngram 1=2\n\n\\1-grams:\n-1.0\t<s>\n-x\tfoo\n\\end\\\n";
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> ArpaModel.read(new BufferedReader(new StringReader(bad)), "bad.arpa"));
    assertTrue(e.getMessage().contains("bad.arpa") && e.getMessage().contains("line 6"), e.getMessage());
  }
}
