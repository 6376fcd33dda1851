package org.asrdistill.kaldiio.datadir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.table.Keys;

/**
 * One key-indexed text file of a data directory ({@code utt2spk}, {@code text}, {@code wav.scp}, ...)
 * as a list of lines, each remembering its line number so problems can name it. Lines are kept verbatim
 * (Kaldi's filter_scp.pl copies whole lines). A file that is valid UTF-8 is decoded as UTF-8, otherwise
 * byte-for-byte as ISO-8859-1, so rewriting never changes bytes and {@link Keys#ORDER} still compares as
 * {@code LC_ALL=C sort} does.
 */
public final class KeyedFile {
  /**
   * One non-blank line.
   *
   * @param number 1-based line number in the file it was read from (0 for generated lines)
   * @param key the first field
   * @param text the whole line without its newline
   */
  public record Line(int number, String key, String text) {
    /** The fields after the key (split on spaces and tabs, as awk does). */
    public List<String> values() {
      List<String> f = fields(text);
      return f.subList(1, f.size());
    }

    /** Everything after the key and its following blanks (e.g. a transcript or a wav.scp command). */
    public String rest() {
      int i = skipBlanks(text, 0);
      while (i < text.length() && !isBlank(text.charAt(i))) {
        i++;
      }
      return text.substring(skipBlanks(text, i));
    }
  }

  private final String name;
  private final Charset charset;
  private final List<Line> lines;
  private final List<Problem> readProblems;

  KeyedFile(String name, Charset charset, List<Line> lines, List<Problem> readProblems) {
    this.name = name;
    this.charset = charset;
    this.lines = List.copyOf(lines);
    this.readProblems = List.copyOf(readProblems);
  }

  /** A file made of generated lines ({@code key rest}). */
  public static KeyedFile of(String name, List<String> textLines) {
    List<Line> ls = new ArrayList<>();
    for (String t : textLines) {
      List<String> f = fields(t);
      if (f.isEmpty()) {
        throw new IllegalArgumentException("line of " + name + " must have a key; got: '" + t + "'");
      }
      ls.add(new Line(0, f.get(0), t));
    }
    return new KeyedFile(name, StandardCharsets.UTF_8, ls, List.of());
  }

  /**
   * Reads {@code file}; blank lines and a missing final newline are not fatal but recorded in {@link
   * #readProblems()} with their line numbers. {@code shownAs} names the file in problems.
   */
  public static KeyedFile read(Path file, String shownAs) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Charset cs = isUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    String all = new String(bytes, cs);
    List<Line> ls = new ArrayList<>();
    List<Problem> probs = new ArrayList<>();
    int start = 0;
    int number = 0;
    while (start < all.length()) {
      int nl = all.indexOf('\n', start);
      number++;
      String t;
      if (nl < 0) {
        t = all.substring(start);
        start = all.length();
        probs.add(new Problem(shownAs, number, "last line has no newline at the end of the file"));
      } else {
        t = all.substring(start, nl);
        start = nl + 1;
      }
      List<String> f = fields(t);
      if (f.isEmpty()) {
        probs.add(new Problem(shownAs, number, "blank line"));
        continue;
      }
      ls.add(new Line(number, f.get(0), t));
    }
    return new KeyedFile(shownAs, cs, ls, probs);
  }

  private static boolean isUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The name used in problems (usually the path). */
  public String name() {
    return name;
  }

  /** Whether the file was valid UTF-8 (otherwise it was read as ISO-8859-1 bytes). */
  public boolean isUtf8() {
    return charset.equals(StandardCharsets.UTF_8);
  }

  public List<Line> lines() {
    return lines;
  }

  public int size() {
    return lines.size();
  }

  /** Blank lines and a missing final newline found when reading. */
  public List<Problem> readProblems() {
    return readProblems;
  }

  /** The keys in file order, without repeats. */
  public Set<String> keys() {
    Set<String> s = new LinkedHashSet<>();
    for (Line l : lines) {
      s.add(l.key());
    }
    return s;
  }

  /** The lines whose key passes {@code keep}, in file order (filter_scp.pl). */
  public KeyedFile filter(Predicate<String> keep) {
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      if (keep.test(l.key())) {
        out.add(l);
      }
    }
    return new KeyedFile(name, charset, out, List.of());
  }

  /** The lines whose key is in {@code keys}. */
  public KeyedFile filterKeys(Collection<String> keys) {
    Set<String> set = keys instanceof Set ? (Set<String>) keys : new HashSet<>(keys);
    return filter(set::contains);
  }

  /** Sorted by key in C order keeping the first line of each key ({@code sort -k1,1 -u}). */
  public KeyedFile sortedUnique() {
    List<Line> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparing(Line::key, Keys.ORDER)); // stable: first occurrence stays first
    List<Line> out = new ArrayList<>();
    for (Line l : sorted) {
      if (out.isEmpty() || !out.get(out.size() - 1).key().equals(l.key())) {
        out.add(l);
      }
    }
    return new KeyedFile(name, charset, out, List.of());
  }

  /** Sorted by whole line in C order, keeping duplicates ({@code sort}). */
  public KeyedFile sortedLines() {
    List<Line> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparing(Line::text, Keys.ORDER));
    return new KeyedFile(name, charset, sorted, List.of());
  }

  /** This file's lines followed by {@code other}'s (both charsets must agree, else UTF-8 is used). */
  public KeyedFile concat(KeyedFile other) {
    List<Line> all = new ArrayList<>(lines);
    all.addAll(other.lines);
    return new KeyedFile(name, charset, all, List.of());
  }

  /** A copy named {@code newName}. */
  public KeyedFile renamed(String newName) {
    return new KeyedFile(newName, charset, lines, readProblems);
  }

  /** Whether both files have the same lines (text) in the same order. */
  public boolean sameLines(KeyedFile other) {
    if (other.lines.size() != lines.size()) {
      return false;
    }
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).text().equals(other.lines.get(i).text())) {
        return false;
      }
    }
    return true;
  }

  /** Writes the lines, each with a newline, to {@code file} atomically (temporary name, then rename). */
  public void write(Path file) throws IOException {
    try (KaldiOutput out = KaldiOutput.createFile(file)) {
      StringBuilder sb = new StringBuilder();
      for (Line l : lines) {
        sb.append(l.text()).append('\n');
        if (sb.length() > 1 << 16) {
          byte[] b = sb.toString().getBytes(charset);
          out.writeBytes(b, 0, b.length);
          sb.setLength(0);
        }
      }
      byte[] b = sb.toString().getBytes(charset);
      out.writeBytes(b, 0, b.length);
      out.commit();
    }
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && isBlank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Splits on runs of spaces and tabs, ignoring leading and trailing ones (awk's default fields). */
  public static List<String> fields(String s) {
    List<String> out = new ArrayList<>();
    int i = skipBlanks(s, 0);
    while (i < s.length()) {
      int j = i;
      while (j < s.length() && !isBlank(s.charAt(j))) {
        j++;
      }
      out.add(s.substring(i, j));
      i = skipBlanks(s, j);
    }
    return Collections.unmodifiableList(out);
  }
}
