package org.asrdistill.hmm.phones;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lexicon steps of {@code utils/prepare_lang.sh} that fix the phone numbering: word-position marking
 * of pronunciations and {@code utils/add_lex_disambig.pl}, which appends {@code #1, #2, ...} to
 * pronunciations that are homophones or prefixes of others and reports the largest symbol used.
 */
public final class LexiconDisambiguation {
  private LexiconDisambiguation() {
  }

  /** Pronunciations with disambiguation symbols appended, and the largest symbol number used (0 if none). */
  public record Result(List<List<String>> prons, int maxDisambig) {
  }

  /** Marks word positions as prepare_lang.sh: {@code p_S} for one phone, else {@code p_B p_I ... p_E}. */
  public static List<String> markPositions(List<String> pron) {
    if (pron.isEmpty()) {
      throw new IllegalArgumentException("a pronunciation needs at least one phone");
    }
    List<String> out = new ArrayList<>();
    if (pron.size() == 1) {
      out.add(pron.get(0) + "_S");
      return out;
    }
    out.add(pron.get(0) + "_B");
    for (int i = 1; i < pron.size() - 1; i++) {
      out.add(pron.get(i) + "_I");
    }
    out.add(pron.get(pron.size() - 1) + "_E");
    return out;
  }

  /**
   * {@code add_lex_disambig.pl} with {@code --first-allowed-disambig firstAllowed} (1 by default), over the
   * pronunciations in lexicon order.
   */
  public static Result addDisambig(List<List<String>> prons, int firstAllowed) {
    if (firstAllowed < 1) {
      throw new IllegalArgumentException("firstAllowed must be >= 1; got: " + firstAllowed);
    }
    Map<String, Integer> count = new HashMap<>();
    Set<String> isPrefix = new HashSet<>();
    for (List<String> p : prons) {
      count.merge(String.join(" ", p), 1, Integer::sum);
      for (int n = p.size() - 1; n >= 0; n--) {
        isPrefix.add(String.join(" ", p.subList(0, n)));
      }
    }
    int max = firstAllowed - 1;
    Set<Integer> reservedForEmpty = new HashSet<>();
    Map<String, Integer> lastUsed = new HashMap<>();
    List<List<String>> out = new ArrayList<>();
    for (List<String> p : prons) {
      String seq = String.join(" ", p);
      List<String> q = new ArrayList<>(p);
      if (isPrefix.contains(seq) || count.get(seq) != 1) {
        if (p.isEmpty()) {
          max++;
          reservedForEmpty.add(max);
          q.add("#" + max);
        } else {
          Integer cur = lastUsed.get(seq);
          int d = cur == null ? firstAllowed : cur + 1;
          while (reservedForEmpty.contains(d)) {
            d++;
          }
          max = Math.max(max, d);
          lastUsed.put(seq, d);
          q.add("#" + d);
        }
      }
      out.add(q);
    }
    return new Result(out, max);
  }

  /**
   * The highest phone disambiguation symbol prepare_lang.sh creates for a lexicon: add_lex_disambig's
   * result over the (word-position-marked, if {@code positionDependent}) pronunciations, plus
   * {@code numExtraPhoneDisambigSyms} (1 by default).
   */
  public static int numDisambig(List<List<String>> prons, boolean positionDependent, int numExtraPhoneDisambigSyms) {
    List<List<String>> marked = positionDependent ? prons.stream().map(LexiconDisambiguation::markPositions).toList()
        : prons;
    return addDisambig(marked, 1).maxDisambig() + numExtraPhoneDisambigSyms;
  }
}
