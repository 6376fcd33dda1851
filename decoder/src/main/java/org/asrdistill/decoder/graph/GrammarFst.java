package org.asrdistill.decoder.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.asrdistill.decoder.lm.ArpaModel;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.ArcSort;
import org.asrdistill.fst.ops.Connect;

/**
 * Grammar acceptors G over word ids (tropical weights, natural-log costs): from an ARPA n-gram model as Kaldi's
 * {@code arpa2fst --disambig-symbol=#0} (ArpaLmCompiler), and simple word loops and bounded word strings.
 */
public final class GrammarFst {
  /** Result of {@link #fromArpa}: the grammar and the number of n-grams skipped for unknown words. */
  public record Compiled(VectorFst fst, int skippedNgrams) {
  }

  private record Hist(int[] w, int hash) {
    static Hist of(int[] w, int from, int to) {
      int[] a = Arrays.copyOfRange(w, from, to);
      return new Hist(a, Arrays.hashCode(a));
    }

    Hist tails() {
      return of(w, 1, w.length);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Hist h && Arrays.equals(w, h.w);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final double LN10 = Math.log(10);

  private GrammarFst() {
  }

  /**
   * Compiles an ARPA model: one state per history (the empty history is the backoff root); each n-gram adds an
   * arc from its history's state with cost -ln(10)*log10prob to the state of the n-gram (or, for the highest
   * order, of its tail); each new history state gets a backoff arc {@code #0:<eps>} with the backoff cost to the
   * longest existing suffix history. {@code </s>} makes its history final with the n-gram's cost; the {@code <s>}
   * history state is the start. States whose only arc is a backoff arc and that are not final are bypassed
   * (Kaldi's RemoveRedundantStates). N-grams with a word missing from {@code wordIds} (which returns -1) are
   * skipped. Arcs sorted by input label. O(n-grams).
   */
  public static Compiled fromArpa(ArpaModel lm, ToIntFunction<String> wordIds, int backoffLabel, String bos,
      String eos) {
    if (backoffLabel <= 0) {
      throw new IllegalArgumentException("backoffLabel must be > 0; got: " + backoffLabel);
    }
    VectorFst g = new VectorFst(Semiring.TROPICAL);
    Map<Hist, Integer> hist = new HashMap<>();
    hist.put(new Hist(new int[0], Arrays.hashCode(new int[0])), g.addState());
    int skipped = 0;
    final int bosId = -2;
    final int eosId = -3;
    for (int n = 1; n <= lm.order(); n++) {
      boolean highest = n == lm.order();
      for (ArpaModel.Ngram ng : lm.ngrams(n)) {
        int[] w = new int[n];
        boolean ok = true;
        for (int i = 0; i < n && ok; i++) {
          String s = ng.words()[i];
          w[i] = s.equals(bos) ? bosId : s.equals(eos) ? eosId : wordIds.applyAsInt(s);
          ok = w[i] > 0 || w[i] == bosId || w[i] == eosId;
          ok &= !(w[i] == bosId && i > 0) && !(w[i] == eosId && i < n - 1);
        }
        if (!ok) {
          skipped++;
          continue;
        }
        Integer source = hist.get(Hist.of(w, 0, n - 1));
        if (source == null) {
          skipped++;
          continue;
        }
        int sym = w[n - 1];
        double cost = -ng.logProb10() * LN10;
        if (sym == eosId) {
          g.setFinal(source, (float) cost);
          continue;
        }
        int dest = addStateWithBackoff(g, hist, Hist.of(w, highest ? 1 : 0, n), -ng.backoff10() * LN10,
            backoffLabel);
        if (sym == bosId) {
          g.setStart(dest);
          continue;
        }
        g.addArc(source, sym, sym, (float) cost, dest);
      }
    }
    if (g.start() == Fst.NO_STATE) {
      throw new IllegalArgumentException("the ARPA model has no " + bos + " unigram");
    }
    removeRedundantStates(g, backoffLabel);
    ArcSort.byInput(g);
    return new Compiled(g, skipped);
  }

  private static int addStateWithBackoff(VectorFst g, Map<Hist, Integer> hist, Hist key, double backoff,
      int backoffLabel) {
    Integer s = hist.get(key);
    if (s != null) {
      return s;
    }
    int dest = g.addState();
    hist.put(key, dest);
    Hist b = key.tails();
    Integer to = hist.get(b);
    while (to == null) {
      b = b.tails();
      to = hist.get(b);
    }
    g.addArc(dest, backoffLabel, Fst.EPSILON, (float) backoff, to);
    return dest;
  }

  /** Bypasses non-final states whose only arc is a backoff arc (their incoming arcs go on to its target). */
  private static void removeRedundantStates(VectorFst g, int backoffLabel) {
    int n = g.numStates();
    int[] fwd = new int[n];
    float[] add = new float[n];
    for (int s = 0; s < n; s++) {
      fwd[s] = -1;
      if (s != g.start() && g.numArcs(s) == 1 && !g.isFinal(s) && g.ilabel(s, 0) == backoffLabel) {
        fwd[s] = g.nextState(s, 0);
        add[s] = g.weight(s, 0);
      }
    }
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < g.numArcs(s); a++) {
        int t = g.nextState(s, a);
        double w = g.weight(s, a);
        int guard = 0;
        while (fwd[t] >= 0 && guard++ < n) {
          w += add[t];
          t = fwd[t];
        }
        g.setArc(s, a, g.ilabel(s, a), g.olabel(s, a), (float) w, t);
      }
    }
    Connect.connect(g);
  }

  /**
   * A one-state word loop accepting any sequence of the words, each with cost -ln(prob) ({@code probs} null:
   * uniform 1/|words|). The state is final with cost 0.
   */
  public static VectorFst wordLoop(int[] words, double[] probs) {
    if (words.length == 0) {
      throw new IllegalArgumentException("a word loop needs at least one word");
    }
    if (probs != null && probs.length != words.length) {
      throw new IllegalArgumentException("probs must have " + words.length + " entries; got: " + probs.length);
    }
    VectorFst g = new VectorFst(Semiring.TROPICAL);
    int s = g.addState();
    g.setStart(s);
    g.setFinal(s, Semiring.ONE);
    for (int i = 0; i < words.length; i++) {
      double p = probs == null ? 1.0 / words.length : probs[i];
      if (!(p > 0 && p <= 1) || words[i] <= 0) {
        throw new IllegalArgumentException("word ids must be > 0 and probs in (0, 1]; got: " + words[i] + ", " + p);
      }
      g.addArc(s, words[i], words[i], (float) -Math.log(p), s);
    }
    ArcSort.byInput(g);
    return g;
  }

  /**
   * Strings of {@code minLen..maxLen} words from {@code words} (e.g. digit strings), each word uniformly likely
   * (cost ln |words| per word), as a chain of maxLen+1 states whose states from minLen on are final.
   */
  public static VectorFst wordStrings(int[] words, int minLen, int maxLen) {
    if (words.length == 0 || minLen < 0 || maxLen < Math.max(1, minLen)) {
      throw new IllegalArgumentException("need words and 0 <= minLen <= maxLen, maxLen >= 1; got: " + minLen
          + ".." + maxLen);
    }
    VectorFst g = new VectorFst(Semiring.TROPICAL);
    float cost = (float) Math.log(words.length);
    int prev = g.addState();
    g.setStart(prev);
    for (int k = 1; k <= maxLen; k++) {
      int s = g.addState();
      for (int w : words) {
        if (w <= 0) {
          throw new IllegalArgumentException("word ids must be > 0; got: " + w);
        }
        g.addArc(prev, w, w, cost, s);
      }
      prev = s;
    }
    for (int s = minLen; s <= maxLen; s++) {
      g.setFinal(s, Semiring.ONE);
    }
    ArcSort.byInput(g);
    return g;
  }
}
