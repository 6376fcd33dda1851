package org.asrdistill.decoder.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interpolated modified Kneser-Ney estimation (Chen and Goodman 1998), as SRILM's
 * {@code -kndiscount -interpolate}: highest-order n-grams and n-grams starting with {@code <s>} keep their raw
 * counts, other lower orders use continuation counts (number of distinct left extensions); per order three
 * discounts D1, D2, D3+ come from the counts of counts; each order is interpolated with the next lower one and
 * unigrams with the uniform distribution over the vocabulary (which excludes {@code <s>}, includes
 * {@code </s>}). The ARPA backoff weight of a history is its interpolation weight, so the model written is exact.
 */
public final class KneserNey {
  /** Begin and end of sentence, and the unknown word. */
  public static final String BOS = "<s>";
  public static final String EOS = "</s>";
  public static final String UNK = "<unk>";

  /** Options: n-gram order (1..6) and an optional closed vocabulary (null: all words of the text). */
  public record Options(int order, Set<String> vocab) {
    public Options {
      if (order < 1 || order > 6) {
        throw new IllegalArgumentException("order must be in [1, 6]; got: " + order);
      }
      vocab = vocab == null ? null : Set.copyOf(vocab);
    }

    public static Options defaults() {
      return new Options(3, null);
    }
  }

  private KneserNey() {
  }

  /** Array key with cached hash. */
  private record Key(int[] w, int hash) {
    static Key of(int[] w, int from, int to) {
      int[] a = Arrays.copyOfRange(w, from, to);
      return new Key(a, Arrays.hashCode(a));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(w, k.w);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Estimates the model from sentences (each a list of words, without {@code <s>}/{@code </s>}). Words outside
   * a closed vocabulary become {@code <unk>}. O(tokens * order) time and memory.
   */
  public static ArpaModel estimate(List<List<String>> sentences, Options opt) {
    int n = opt.order();
    Map<String, Integer> ids = new HashMap<>();
    List<String> names = new ArrayList<>();
    java.util.function.Function<String, Integer> id = s -> ids.computeIfAbsent(s, k -> {
      names.add(k);
      return names.size() - 1;
    });
    int bos = id.apply(BOS);
    int eos = id.apply(EOS);
    Set<String> vocab = new LinkedHashSet<>();
    if (opt.vocab() != null) {
      opt.vocab().stream().sorted().forEach(vocab::add);
    }
    // raw counts of the highest order (and of every order for n-grams starting with <s>)
    List<Map<Key, Integer>> raw = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      raw.add(new HashMap<>());
    }
    for (List<String> sent : sentences) {
      int[] w = new int[sent.size() + 2];
      w[0] = bos;
      for (int i = 0; i < sent.size(); i++) {
        String word = sent.get(i);
        if (word.equals(BOS) || word.equals(EOS)) {
          throw new IllegalArgumentException("sentences must not contain " + word);
        }
        if (opt.vocab() != null && !opt.vocab().contains(word)) {
          word = UNK;
        }
        vocab.add(word);
        w[i + 1] = id.apply(word);
      }
      w[w.length - 1] = eos;
      for (int end = 1; end < w.length; end++) {
        // highest order n-grams ending at end (shorter ones at the sentence start)
        int start = Math.max(0, end - n + 1);
        raw.get(end - start).merge(Key.of(w, start, end + 1), 1, Integer::sum);
      }
    }
    vocab.remove(BOS);
    vocab.add(EOS);
    vocab.forEach(id::apply);
    // adjusted counts: order k from the continuation counts of order k+1 (raw counts for <s>-initial n-grams)
    List<Map<Key, Integer>> counts = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      counts.add(new HashMap<>(raw.get(k)));
    }
    for (int k = n - 1; k >= 1; k--) {
      for (Key g : counts.get(k).keySet()) {
        Key suffix = Key.of(g.w(), 1, g.w().length);
        if (suffix.w()[0] != bos) {
          counts.get(k - 1).merge(suffix, 1, Integer::sum);
        }
      }
    }
    // raw counts of <s>-initial shorter n-grams were put in raw at their own order; continuation counts of
    // non-<s>-initial ones were added above; <s> as a unigram is never predicted.
    counts.get(0).remove(Key.of(new int[] {bos}, 0, 1));
    double[][] d = new double[n][];
    for (int k = 0; k < n; k++) {
      d[k] = discounts(counts.get(k));
    }
    // context totals and counts of counts per context
    List<Map<Key, double[]>> ctx = new ArrayList<>(); // [total, n1, n2, n3+]
    for (int k = 0; k < n; k++) {
      Map<Key, double[]> m = new HashMap<>();
      for (Map.Entry<Key, Integer> e : counts.get(k).entrySet()) {
        Key h = Key.of(e.getKey().w(), 0, k);
        double[] t = m.computeIfAbsent(h, x -> new double[4]);
        t[0] += e.getValue();
        t[Math.min(e.getValue(), 3)] += 1;
      }
      ctx.add(m);
    }
    // probabilities, lowest order first
    List<Map<Key, Double>> prob = new ArrayList<>();
    double uniform = 1.0 / vocab.size();
    for (int k = 0; k < n; k++) {
      Map<Key, Double> p = new HashMap<>();
      for (Map.Entry<Key, Integer> e : counts.get(k).entrySet()) {
        int[] w = e.getKey().w();
        Key h = Key.of(w, 0, k);
        double[] t = ctx.get(k).get(h);
        int c = e.getValue();
        double disc = d[k][Math.min(c, 3) - 1];
        double gamma = (d[k][0] * t[1] + d[k][1] * t[2] + d[k][2] * t[3]) / t[0];
        double lower = k == 0 ? uniform : prob.get(k - 1).get(Key.of(w, 1, w.length));
        p.put(e.getKey(), (c - disc) / t[0] + gamma * lower);
      }
      prob.add(p);
    }
    // ARPA sections: unigrams over the whole vocabulary (+ <s>), higher orders as counted
    List<List<ArpaModel.Ngram>> orders = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<Key> keys = new ArrayList<>();
      if (k == 0) {
        keys.add(Key.of(new int[] {bos}, 0, 1));
        vocab.forEach(v -> keys.add(Key.of(new int[] {ids.get(v)}, 0, 1)));
      } else {
        keys.addAll(counts.get(k).keySet());
      }
      keys.sort(Comparator.comparing((Key g) -> toWords(g, names), KneserNey::compareWords));
      List<ArpaModel.Ngram> out = new ArrayList<>();
      for (Key g : keys) {
        double p;
        if (k == 0 && g.w()[0] == bos) {
          p = 0;
        } else if (k == 0 && !prob.get(0).containsKey(g)) {
          double[] t = ctx.get(0).get(Key.of(g.w(), 0, 0));
          double gamma = t == null ? 1.0 : (d[0][0] * t[1] + d[0][1] * t[2] + d[0][2] * t[3]) / t[0];
          p = gamma * uniform;
        } else {
          p = prob.get(k).get(g);
        }
        float bo = 0f;
        if (k < n - 1) {
          double[] t = ctx.get(k + 1).get(g);
          if (t != null) {
            bo = (float) Math.log10((d[k + 1][0] * t[1] + d[k + 1][1] * t[2] + d[k + 1][2] * t[3]) / t[0]);
          }
        }
        float lp = p == 0 ? -99f : (float) Math.log10(p);
        out.add(new ArpaModel.Ngram(toWords(g, names), lp, bo));
      }
      orders.add(out);
    }
    return new ArpaModel(orders);
  }

  /** D1, D2, D3+ from counts of counts; falls back to 0.5, 1, 1.5 when the statistics are degenerate. */
  static double[] discounts(Map<Key, Integer> counts) {
    double[] nc = new double[5];
    for (int c : counts.values()) {
      if (c <= 4) {
        nc[c]++;
      }
    }
    double[] fallback = {0.5, 1.0, 1.5};
    if (nc[1] == 0 || nc[2] == 0 || nc[3] == 0 || nc[4] == 0) {
      return fallback;
    }
    double y = nc[1] / (nc[1] + 2 * nc[2]);
    double[] dd = {1 - 2 * y * nc[2] / nc[1], 2 - 3 * y * nc[3] / nc[2], 3 - 4 * y * nc[4] / nc[3]};
    for (int i = 0; i < 3; i++) {
      if (!(dd[i] > 0 && dd[i] < i + 1)) {
        return fallback;
      }
    }
    return dd;
  }

  private static String[] toWords(Key g, List<String> names) {
    String[] s = new String[g.w().length];
    for (int i = 0; i < s.length; i++) {
      s[i] = names.get(g.w()[i]);
    }
    return s;
  }

  private static int compareWords(String[] a, String[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
