package org.asrdistill.recipes.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Transcripts for the synthetic corpora: digit strings, and fortune-file sentences in CMUdict. */
public final class TextSources {
  /** The eleven digit words of connected-digit corpora. */
  public static final List<String> DIGIT_WORDS =
      List.of("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

  /** CMUdict as Debian's pocketsphinx-en-us ships it. */
  public static final Path CMUDICT = Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict");

  /** Debian's fortune files. */
  public static final Path FORTUNES = Path.of("/usr/share/games/fortunes");

  private TextSources() {
  }

  /** A random digit string of 1 to {@code maxLen} words. */
  public static List<String> digitString(Random rnd, int maxLen) {
    int n = 1 + rnd.nextInt(maxLen);
    List<String> w = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      w.add(DIGIT_WORDS.get(rnd.nextInt(DIGIT_WORDS.size())));
    }
    return w;
  }

  /**
   * Reads a CMUdict-format lexicon: {@code word PH1 PH2 ...}, alternates as {@code word(2)}. Returns word
   * to pronunciations (stress digits kept), in sorted order.
   */
  public static Map<String, List<List<String>>> readCmudict(Path dict) throws IOException {
    Map<String, List<List<String>>> lex = new TreeMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(dict, StandardCharsets.UTF_8)) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith(";;;")) {
        continue;
      }
      String[] f = t.split("\\s+");
      if (f.length < 2) {
        throw new IOException(dict + ":" + lineNo + ": expected a word and its phones: '" + t + "'");
      }
      String word = f[0].toLowerCase(Locale.ROOT);
      int paren = word.indexOf('(');
      if (paren > 0 && word.endsWith(")")) {
        word = word.substring(0, paren);
      }
      List<String> pron = new ArrayList<>(f.length - 1);
      for (int i = 1; i < f.length; i++) {
        pron.add(f[i]);
      }
      lex.computeIfAbsent(word, k -> new ArrayList<>()).add(pron);
    }
    return lex;
  }

  /**
   * Sentences from the fortune files whose words (lower-cased, punctuation stripped, inner apostrophes
   * kept) are all in {@code vocabulary}, with {@code minWords..maxWords} words, unique, in a seeded
   * random order.
   */
  public static List<List<String>> fortuneSentences(Path fortunesDir, Set<String> vocabulary, int minWords,
      int maxWords, long seed) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(fortunesDir)) {
      s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().contains("."))
          .sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      throw new IOException("no fortune files in " + fortunesDir + " (install Debian's fortunes)");
    }
    Set<List<String>> out = new LinkedHashSet<>();
    for (Path f : files) {
      String all = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (String cookie : all.split("(?m)^%\\s*$")) {
        for (String sentence : cookie.replace('\n', ' ').split("[.!?;:]+")) {
          List<String> words = normalise(sentence);
          if (words != null && words.size() >= minWords && words.size() <= maxWords
              && vocabulary.containsAll(words)) {
            out.add(words);
          }
        }
      }
    }
    List<List<String>> list = new ArrayList<>(out);
    Collections.shuffle(list, new Random(seed));
    return list;
  }

  /** Lower-cases and tokenises; returns null if the sentence has digits or other unspeakable tokens. */
  static List<String> normalise(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT).replaceAll("[\",()\\[\\]{}*_`]", " ").replace("--", " ");
    List<String> words = new ArrayList<>();
    for (String w : s.strip().split("\\s+")) {
      if (w.isEmpty()) {
        continue;
      }
      w = w.replaceAll("^'+|'+$", "");
      if (!w.matches("[a-z]+('[a-z]+)?")) {
        return null;
      }
      words.add(w);
    }
    return words;
  }
}
