package org.asrdistill.decoder.graph;

import java.util.List;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.ArcSort;

/**
 * The lexicon transducer L (phones to words) as Kaldi's {@code utils/lang/make_lexicon_fst.py} builds it, and
 * {@code fstaddselfloops} for L_disambig. With optional silence (0 < silProb < 1) there is a start state, a
 * loop state where words begin and end (the only final state) and a silence state: the start state reaches the
 * loop state with cost -log(1-silProb) or the silence state with -log(silProb); each word's last arc goes to
 * the loop state (adding -log(1-silProb)) or to the silence state (adding -log(silProb)); the silence state
 * returns to the loop state over the silence phone (then the silence disambiguation symbol, if any). The word
 * is output on the first arc of its pronunciation, which also carries -log(prob). Tropical weights.
 */
public final class LexiconFst {
  /** A pronunciation in ids: word id, probability and phone ids (may include disambiguation symbols). */
  public record Pron(int word, double prob, int[] phones) {
    public Pron {
      if (word <= 0) {
        throw new IllegalArgumentException("word id must be > 0; got: " + word);
      }
      if (!(prob > 0)) {
        throw new IllegalArgumentException("prob must be > 0; got: " + prob);
      }
      phones = phones.clone();
    }
  }

  private LexiconFst() {
  }

  /**
   * Builds L (or, with {@code silDisambig > 0} and disambiguated prons, the core of L_disambig before self-loops).
   * {@code silProb} in [0, 1): 0 means no optional silence (one loop state, as write_fst_no_silence).
   * Output arcs are sorted by output label (fstarcsort --sort_type=olabel). O(total phones).
   */
  public static VectorFst build(List<Pron> prons, double silProb, int silPhone, int silDisambig) {
    if (!(silProb >= 0 && silProb < 1)) {
      throw new IllegalArgumentException("silProb must be in [0, 1); got: " + silProb);
    }
    VectorFst f = new VectorFst(Semiring.TROPICAL);
    if (silProb == 0) {
      int loop = f.addState();
      f.setStart(loop);
      for (Pron p : prons) {
        addWord(f, loop, p, new int[] {loop}, new float[] {0f});
      }
      f.setFinal(loop, Semiring.ONE);
    } else {
      if (silPhone <= 0) {
        throw new IllegalArgumentException("silPhone must be > 0 with optional silence; got: " + silPhone);
      }
      float silCost = (float) -Math.log(silProb);
      float noSilCost = (float) -Math.log(1 - silProb);
      int start = f.addState();
      int loop = f.addState();
      int sil = f.addState();
      f.setStart(start);
      f.addArc(start, Fst.EPSILON, Fst.EPSILON, noSilCost, loop);
      f.addArc(start, Fst.EPSILON, Fst.EPSILON, silCost, sil);
      if (silDisambig <= 0) {
        f.addArc(sil, silPhone, Fst.EPSILON, 0f, loop);
      } else {
        int sd = f.addState();
        f.addArc(sil, silPhone, Fst.EPSILON, 0f, sd);
        f.addArc(sd, silDisambig, Fst.EPSILON, 0f, loop);
      }
      for (Pron p : prons) {
        addWord(f, loop, p, new int[] {loop, sil}, new float[] {noSilCost, silCost});
      }
      f.setFinal(loop, Semiring.ONE);
    }
    ArcSort.byOutput(f);
    return f;
  }

  private static void addWord(VectorFst f, int loop, Pron p, int[] ends, float[] endCosts) {
    float cost = (float) -Math.log(p.prob());
    int[] ph = p.phones();
    int cur = loop;
    for (int i = 0; i < ph.length - 1; i++) {
      int next = f.addState();
      f.addArc(cur, ph[i], i == 0 ? p.word() : Fst.EPSILON, i == 0 ? cost : 0f, next);
      cur = next;
    }
    int last = ph.length - 1;
    for (int k = 0; k < ends.length; k++) {
      float w = last <= 0 ? (float) ((double) endCosts[k] + cost) : endCosts[k];
      f.addArc(cur, last >= 0 ? ph[last] : Fst.EPSILON, last <= 0 ? p.word() : Fst.EPSILON, w, ends[k]);
    }
  }

  /**
   * Kaldi's {@code fstaddselfloops}: adds an {@code ilabel:olabel} self-loop (weight one) to every final state
   * and every state with an arc of non-epsilon output label, so that the word disambiguation symbol of G
   * (#0) passes through L. In place; arcs are re-sorted by output label. O(V + E).
   */
  public static void addDisambigSelfLoops(VectorFst f, int ilabel, int olabel) {
    if (ilabel <= 0 || olabel <= 0) {
      throw new IllegalArgumentException("self-loop labels must be > 0; got: " + ilabel + ":" + olabel);
    }
    for (int s = 0; s < f.numStates(); s++) {
      boolean needs = f.isFinal(s);
      for (int a = 0; a < f.numArcs(s) && !needs; a++) {
        needs = f.olabel(s, a) != Fst.EPSILON;
      }
      if (needs) {
        f.addArc(s, ilabel, olabel, Semiring.ONE, s);
      }
    }
    ArcSort.byOutput(f);
  }
}
