package org.asrdistill.decoder.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CMUdict in pocketsphinx's form ({@code word P1 P2 ...}, alternates as {@code word(2)}), and the selection of a
 * benchmark vocabulary: the words most frequent in a text, then the rest in dictionary order.
 */
public final class CmuDict {
  private CmuDict() {
  }

  /** Reads the dictionary: word -> pronunciations, in file order ({@code (n)} suffixes removed). */
  public static Map<String, List<List<String>>> read(Path file) throws IOException {
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 2 || f[0].startsWith(";;;")) {
          continue;
        }
        String w = f[0].replaceAll("\\(\\d+\\)$", "");
        List<String> pron = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
          if (f[i].equals("#")) {
            break; // pocketsphinx comments
          }
          pron.add(f[i]);
        }
        out.computeIfAbsent(w, k -> new ArrayList<>()).add(pron);
      }
    }
    return out;
  }

  /**
   * A lexicon of {@code n} words: the dictionary words occurring in {@code sentences}, most frequent first (ties
   * in dictionary order), then other dictionary words in dictionary order; all pronunciations of each word.
   */
  public static Lexicon select(Map<String, List<List<String>>> dict, List<List<String>> sentences, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1; got: " + n);
    }
    Map<String, Integer> freq = new HashMap<>();
    for (List<String> s : sentences) {
      for (String w : s) {
        if (dict.containsKey(w)) {
          freq.merge(w, 1, Integer::sum);
        }
      }
    }
    List<String> order = new ArrayList<>(dict.keySet());
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      pos.put(order.get(i), i);
    }
    List<String> frequent = new ArrayList<>(freq.keySet());
    frequent.sort((a, b) -> freq.get(a).equals(freq.get(b)) ? Integer.compare(pos.get(a), pos.get(b))
        : Integer.compare(freq.get(b), freq.get(a)));
    Set<String> chosen = new HashSet<>();
    List<String> words = new ArrayList<>();
    for (String w : frequent) {
      if (words.size() < n && chosen.add(w)) {
        words.add(w);
      }
    }
    for (String w : order) {
      if (words.size() < n && chosen.add(w)) {
        words.add(w);
      }
    }
    List<Lexicon.Entry> entries = new ArrayList<>();
    for (String w : order) {
      if (chosen.contains(w)) {
        for (List<String> p : dict.get(w)) {
          entries.add(new Lexicon.Entry(w, 1.0, p));
        }
      }
    }
    return new Lexicon(entries);
  }
}
