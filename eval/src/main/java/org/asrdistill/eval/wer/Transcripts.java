package org.asrdistill.eval.wer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.Rspecifier;
import org.asrdistill.kaldiio.table.SequentialTableReader;

/**
 * Utterance transcripts in input order: key and words. Read from a Kaldi rspecifier ({@code ark:text},
 * {@code scp:...}), a sclite {@code trn} file ({@code trn:FILE}, or a plain file whose first line ends with
 * {@code (utterance-id)}), or a Kaldi {@code text} file given as a plain file name.
 */
public final class Transcripts {
  private final List<String> keys;
  private final List<String[]> words;
  private final Map<String, Integer> index;
  private final boolean trn;

  private Transcripts(List<String> keys, List<String[]> words, boolean trn, String source)
      throws KaldiFormatException {
    this.keys = Collections.unmodifiableList(keys);
    this.words = Collections.unmodifiableList(words);
    this.trn = trn;
    this.index = new HashMap<>(keys.size() * 2);
    for (int i = 0; i < keys.size(); i++) {
      if (index.put(keys.get(i), i) != null) {
        throw new KaldiFormatException(source, keys.get(i), -1, "duplicate utterance key");
      }
    }
  }

  /** Transcripts from parallel lists (keys must be distinct). */
  public static Transcripts of(List<String> keys, List<String[]> words) {
    if (keys.size() != words.size()) {
      throw new IllegalArgumentException("keys and words must have equal sizes; got: " + keys.size()
          + " and " + words.size());
    }
    try {
      return new Transcripts(new ArrayList<>(keys), new ArrayList<>(words), false, "<memory>");
    } catch (KaldiFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Reads transcripts named as described in the class comment. */
  public static Transcripts read(String spec) throws IOException {
    if (spec.startsWith("trn:")) {
      return readTrn(spec.substring(4));
    }
    if (Rspecifier.isRspecifier(spec)) {
      return readTable(spec);
    }
    if (looksLikeTrn(spec)) {
      return readTrn(spec);
    }
    return readTable("ark:" + spec);
  }

  private static Transcripts readTable(String rspecifier) throws IOException {
    List<String> keys = new ArrayList<>();
    List<String[]> words = new ArrayList<>();
    try (SequentialTableReader<List<String>> r = SequentialTableReader.open(rspecifier, Holders.TOKEN_VECTOR)) {
      while (r.next()) {
        keys.add(r.key());
        words.add(r.value().toArray(new String[0]));
      }
    }
    return new Transcripts(keys, words, false, rspecifier);
  }

  private static boolean looksLikeTrn(String file) throws IOException {
    if (Xfilenames.classifyRx(file) != Xfilenames.Kind.FILE) {
      return false;
    }
    try (BufferedReader r = reader(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith(";;")) {
          return t.endsWith(")") && t.lastIndexOf('(') >= 0;
        }
      }
    }
    return false;
  }

  /**
   * Reads a sclite trn file: each line is words then {@code (utterance-id)}; blank lines and lines
   * starting with {@code ;;} are skipped.
   */
  public static Transcripts readTrn(String file) throws IOException {
    List<String> keys = new ArrayList<>();
    List<String[]> words = new ArrayList<>();
    long offset = 0;
    try (BufferedReader r = reader(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        long at = offset;
        offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith(";;")) {
          continue;
        }
        int open = t.lastIndexOf('(');
        if (!t.endsWith(")") || open < 0) {
          throw new KaldiFormatException(file, null, at, "trn line does not end with (utterance-id): " + t);
        }
        String key = t.substring(open + 1, t.length() - 1).strip();
        if (key.isEmpty()) {
          throw new KaldiFormatException(file, null, at, "empty utterance id in trn line: " + t);
        }
        String text = t.substring(0, open).strip();
        keys.add(key);
        words.add(text.isEmpty() ? new String[0] : text.split("\\s+"));
      }
    }
    return new Transcripts(keys, words, true, file);
  }

  private static BufferedReader reader(String rx) throws IOException {
    InputStream in = Xfilenames.openStream(rx);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  public int size() {
    return keys.size();
  }

  public String key(int i) {
    return keys.get(i);
  }

  public String[] words(int i) {
    return words.get(i);
  }

  public List<String> keys() {
    return keys;
  }

  /** The words of {@code key}, or null when absent. */
  public String[] get(String key) {
    Integer i = index.get(key);
    return i == null ? null : words.get(i);
  }

  public boolean contains(String key) {
    return index.containsKey(key);
  }

  /** The utterances whose keys pass {@code keep}, in the same order. */
  public Transcripts restrictTo(java.util.function.Predicate<String> keep) {
    List<String> k = new ArrayList<>();
    List<String[]> w = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keep.test(keys.get(i))) {
        k.add(keys.get(i));
        w.add(words.get(i));
      }
    }
    try {
      return new Transcripts(k, w, trn, "<subset>");
    } catch (KaldiFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the transcripts as sclite trn lines ({@code words (key)}). */
  public void writeTrn(Appendable out) throws IOException {
    for (int i = 0; i < keys.size(); i++) {
      String text = String.join(" ", words.get(i));
      out.append(text).append(text.isEmpty() ? "(" : " (").append(keys.get(i)).append(")\n");
    }
  }

  /** True when read from a sclite trn file. */
  public boolean isTrn() {
    return trn;
  }
}
