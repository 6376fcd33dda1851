package org.asrdistill.decoder.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asrdistill.kaldiio.KaldiFormatException;

/**
 * A backoff n-gram model in ARPA form: per order, the n-grams with their log10 probability and (for orders below
 * the highest) optional log10 backoff weight, in file order. Immutable once built.
 */
public final class ArpaModel {
  /** One n-gram line. {@code backoff10} is 0 when the line has no backoff field. */
  public record Ngram(String[] words, float logProb10, float backoff10) {
    public Ngram {
      if (words.length == 0) {
        throw new IllegalArgumentException("an n-gram needs at least one word");
      }
      words = words.clone();
    }
  }

  private final List<List<Ngram>> orders;

  /** {@code orders.get(k)} holds the (k+1)-grams. */
  public ArpaModel(List<List<Ngram>> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException("an ARPA model needs at least unigrams");
    }
    for (int k = 0; k < orders.size(); k++) {
      for (Ngram g : orders.get(k)) {
        if (g.words().length != k + 1) {
          throw new IllegalArgumentException("n-gram of order " + g.words().length + " in the " + (k + 1)
              + "-gram section");
        }
      }
    }
    this.orders = orders.stream().map(List::copyOf).toList();
  }

  public int order() {
    return orders.size();
  }

  /** The n-grams of order {@code n} (1-based). */
  public List<Ngram> ngrams(int n) {
    return orders.get(n - 1);
  }

  /** Writes the ARPA text ({@code \data\}, counts, sections, {@code \end\}), numbers with Locale.ROOT. */
  public void write(Writer w) throws IOException {
    w.write("\n\\data\\\n");
    for (int k = 0; k < orders.size(); k++) {
      w.write("ngram " + (k + 1) + "=" + orders.get(k).size() + "\n");
    }
    for (int k = 0; k < orders.size(); k++) {
      w.write("\n\\" + (k + 1) + "-grams:\n");
      boolean highest = k == orders.size() - 1;
      StringBuilder sb = new StringBuilder();
      for (Ngram g : orders.get(k)) {
        sb.setLength(0);
        sb.append(String.format(Locale.ROOT, "%.7g", g.logProb10())).append('\t').append(String.join(" ", g.words()));
        if (!highest && g.backoff10() != 0f) {
          sb.append('\t').append(String.format(Locale.ROOT, "%.7g", g.backoff10()));
        }
        sb.append('\n');
        w.write(sb.toString());
      }
    }
    w.write("\n\\end\\\n");
  }

  /**
   * Reads ARPA text. Lines before {@code \data\} are ignored; the counts must match the sections; corrupt lines
   * fail with a KaldiFormatException naming {@code source} and the line.
   */
  public static ArpaModel read(BufferedReader r, String source) throws IOException {
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.trim().equals("\\data\\")) {
        break;
      }
    }
    if (line == null) {
      throw new KaldiFormatException(source, "", 0, "no \\data\\ section");
    }
    List<Integer> counts = new ArrayList<>();
    while ((line = r.readLine()) != null) {
      lineNo++;
      String t = line.trim();
      if (t.isEmpty()) {
        if (counts.isEmpty()) {
          continue;
        }
        break;
      }
      if (!t.startsWith("ngram ")) {
        break;
      }
      String[] kv = t.substring(6).split("=");
      try {
        int n = Integer.parseInt(kv[0].trim());
        if (n != counts.size() + 1) {
          throw bad(source, lineNo, "ngram orders out of sequence: " + t);
        }
        counts.add(Integer.parseInt(kv[1].trim()));
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw bad(source, lineNo, "bad count line: " + t);
      }
    }
    if (counts.isEmpty()) {
      throw bad(source, lineNo, "no ngram counts in \\data\\ section");
    }
    List<List<Ngram>> orders = new ArrayList<>();
    int current = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      String t = line.trim();
      if (t.isEmpty()) {
        continue;
      }
      if (t.equals("\\end\\")) {
        current = -1;
        break;
      }
      if (t.startsWith("\\") && t.endsWith("-grams:")) {
        int n;
        try {
          n = Integer.parseInt(t.substring(1, t.length() - 7));
        } catch (NumberFormatException e) {
          throw bad(source, lineNo, "bad section header: " + t);
        }
        if (n != orders.size() + 1 || n > counts.size()) {
          throw bad(source, lineNo, "unexpected section " + t);
        }
        orders.add(new ArrayList<>());
        current = n;
        continue;
      }
      if (current == 0) {
        throw bad(source, lineNo, "n-gram line outside a section: " + t);
      }
      String[] f = t.split("\\s+");
      if (f.length != current + 1 && f.length != current + 2) {
        throw bad(source, lineNo, "expected " + current + " words and a probability: " + t);
      }
      try {
        float p = Float.parseFloat(f[0]);
        float b = f.length == current + 2 ? Float.parseFloat(f[current + 1]) : 0f;
        if (Float.isNaN(p) || Float.isNaN(b) || p > 0) {
          throw bad(source, lineNo, "bad log-probability: " + t);
        }
        String[] words = new String[current];
        System.arraycopy(f, 1, words, 0, current);
        orders.get(current - 1).add(new Ngram(words, p, b));
      } catch (NumberFormatException e) {
        throw bad(source, lineNo, "bad number: " + t);
      }
    }
    if (current != -1) {
      throw bad(source, lineNo, "missing \\end\\");
    }
    if (orders.size() != counts.size()) {
      throw bad(source, lineNo, "header announces " + counts.size() + " orders; found " + orders.size());
    }
    for (int k = 0; k < counts.size(); k++) {
      if (orders.get(k).size() != counts.get(k)) {
        throw bad(source, lineNo, "header announces " + counts.get(k) + " " + (k + 1) + "-grams; found "
            + orders.get(k).size());
      }
    }
    return new ArpaModel(orders);
  }

  private static KaldiFormatException bad(String source, int lineNo, String problem) {
    return new KaldiFormatException(source, "line " + lineNo, -1, problem);
  }
}
