package org.asrdistill.decoder.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.asrdistill.kaldiio.KaldiFormatException;

/**
 * A pronunciation lexicon in Kaldi's {@code lexicon.txt} ({@code word p1 p2 ...}) or {@code lexiconp.txt}
 * ({@code word prob p1 p2 ...}) form, in file order. Immutable.
 */
public final class Lexicon {
  /** One pronunciation: the word, its probability (1 for lexicon.txt) and its phones (may be empty). */
  public record Entry(String word, double prob, List<String> phones) {
    public Entry {
      if (word.isEmpty() || word.equals("<eps>")) {
        throw new IllegalArgumentException("invalid word '" + word + "'");
      }
      if (!(prob > 0) || Double.isInfinite(prob)) {
        throw new IllegalArgumentException("pronunciation probability must be > 0; got: " + prob);
      }
      phones = List.copyOf(phones);
    }
  }

  private final List<Entry> entries;

  public Lexicon(List<Entry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a lexicon needs at least one pronunciation");
    }
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The distinct words in C-locale (byte) order, as prepare_lang.sh's {@code sort | uniq}. */
  public List<String> sortedWords() {
    TreeSet<String> s = new TreeSet<>(Lexicon::compareBytes);
    entries.forEach(e -> s.add(e.word()));
    return new ArrayList<>(s);
  }

  /** The distinct phones used, in C-locale order. */
  public List<String> phones() {
    TreeSet<String> s = new TreeSet<>(Lexicon::compareBytes);
    entries.forEach(e -> s.addAll(e.phones()));
    return new ArrayList<>(s);
  }

  /** Whether the lexicon has a pronunciation of {@code word}. */
  public boolean contains(String word) {
    return entries.stream().anyMatch(e -> e.word().equals(word));
  }

  /** A copy with one more pronunciation at the end. */
  public Lexicon plus(Entry e) {
    List<Entry> l = new ArrayList<>(entries);
    l.add(e);
    return new Lexicon(l);
  }

  /** Compares strings by their UTF-8 bytes (C locale). */
  public static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }

  /**
   * Reads a lexicon; {@code withProbs} selects the lexiconp.txt form. Lines are split on whitespace; blank
   * lines and malformed probabilities are errors naming the file and line.
   */
  public static Lexicon read(Path file, boolean withProbs) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      long offset = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        String[] f = line.trim().split("\\s+");
        if (f.length == 0 || f[0].isEmpty() || (withProbs && f.length < 2)) {
          throw new KaldiFormatException(file.toString(), "line " + lineNo, offset,
              "expected 'word " + (withProbs ? "prob " : "") + "phones...'; got: '" + line + "'");
        }
        double prob = 1.0;
        int first = 1;
        if (withProbs) {
          try {
            prob = Double.parseDouble(f[1]);
          } catch (NumberFormatException e) {
            prob = Double.NaN;
          }
          if (!(prob > 0) || Double.isInfinite(prob)) {
            throw new KaldiFormatException(file.toString(), "line " + lineNo, offset,
                "bad pronunciation probability '" + f[1] + "'");
          }
          first = 2;
        }
        if (f[0].equals("<eps>") || f[0].startsWith("#")) {
          throw new KaldiFormatException(file.toString(), "line " + lineNo, offset,
              "word '" + f[0] + "' is reserved");
        }
        List<String> phones = new ArrayList<>();
        for (int i = first; i < f.length; i++) {
          phones.add(f[i]);
        }
        out.add(new Entry(f[0], prob, phones));
        offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    if (out.isEmpty()) {
      throw new KaldiFormatException(file.toString(), "", 0, "no pronunciations in lexicon");
    }
    return new Lexicon(out);
  }
}
