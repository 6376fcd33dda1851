package org.asrdistill.eval.wer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.asrdistill.eval.align.Alignment;
import org.asrdistill.eval.align.WordAligner;

/**
 * Scores hypotheses against references as Kaldi's compute-wer does (reference order, modes strict,
 * present and all) with sclite's alignment, so that every count equals sclite's.
 */
public final class WerScorer {
  private final WerOptions options;

  public WerScorer(WerOptions options) {
    this.options = options;
  }

  /**
   * Scores every reference utterance. Throws IllegalArgumentException in strict mode when a reference
   * utterance has no hypothesis (Kaldi's message).
   */
  public WerResult score(Transcripts ref, Transcripts hyp, Function<String, String> speakerOf) {
    Map<String, Integer> vocab = new HashMap<>();
    WordAligner aligner = new WordAligner(options.costs());
    List<UtteranceResult> utts = new ArrayList<>(ref.size());
    Map<String, long[]> perSpeaker = new TreeMap<>();
    long[] total = new long[7];
    int absent = 0;
    Map<String, Long> confusions = new HashMap<>();
    Map<String, Long> insertions = new HashMap<>();
    Map<String, Long> deletions = new HashMap<>();
    Map<String, Long> substitutions = new HashMap<>();
    Map<String, Long> falselyRecognized = new HashMap<>();
    for (int i = 0; i < ref.size(); i++) {
      String key = ref.key(i);
      String[] h = hyp.get(key);
      if (h == null) {
        if (options.mode() == ScoringMode.STRICT) {
          throw new IllegalArgumentException("No hypothesis for key " + key + " and strict mode specifier.");
        }
        absent++;
        if (options.mode() == ScoringMode.PRESENT) {
          continue;
        }
        h = new String[0];
      }
      String[] r = tokens(ref.words(i));
      h = tokens(h);
      Alignment ali = aligner.align(ids(r, vocab), ids(h, vocab));
      String speaker = speakerOf.apply(key);
      UtteranceResult u = new UtteranceResult(key, speaker, r, h, ali);
      utts.add(u);
      long[] s = perSpeaker.computeIfAbsent(speaker, k -> new long[7]);
      long[] c = {1, u.errors() > 0 ? 1 : 0, r.length, u.correct(), u.substitutions(), u.deletions(),
          u.insertions()};
      for (int k = 0; k < 7; k++) {
        s[k] += c[k];
        total[k] += c[k];
      }
      if (u.errors() > 0) {
        collectErrors(u, confusions, insertions, deletions, substitutions, falselyRecognized);
      }
    }
    Map<String, ErrorCounts> speakers = new TreeMap<>();
    perSpeaker.forEach((k, v) -> speakers.put(k, counts(v)));
    return new WerResult(counts(total), Collections.unmodifiableMap(speakers), Collections.unmodifiableList(utts),
        absent, confusions, insertions, deletions, substitutions, falselyRecognized);
  }

  private static void collectErrors(UtteranceResult u, Map<String, Long> confusions, Map<String, Long> insertions,
      Map<String, Long> deletions, Map<String, Long> substitutions, Map<String, Long> falselyRecognized) {
    int a = 0;
    int b = 0;
    Alignment ali = u.alignment();
    for (int k = 0; k < ali.length(); k++) {
      switch (ali.op(k)) {
        case CORRECT -> {
          a++;
          b++;
        }
        case SUBSTITUTION -> {
          confusions.merge(u.ref()[a] + " ==> " + u.hyp()[b], 1L, Long::sum);
          substitutions.merge(u.ref()[a], 1L, Long::sum);
          falselyRecognized.merge(u.hyp()[b], 1L, Long::sum);
          a++;
          b++;
        }
        case DELETION -> deletions.merge(u.ref()[a++], 1L, Long::sum);
        case INSERTION -> insertions.merge(u.hyp()[b++], 1L, Long::sum);
        default -> throw new IllegalStateException();
      }
    }
  }

  private static ErrorCounts counts(long[] c) {
    return new ErrorCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
  }

  private String[] tokens(String[] words) {
    if (!options.characters()) {
      return words;
    }
    List<String> chars = new ArrayList<>();
    for (String w : words) {
      w.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
    }
    return chars.toArray(new String[0]);
  }

  private static int[] ids(String[] words, Map<String, Integer> vocab) {
    int[] ids = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      Integer id = vocab.get(words[i]);
      if (id == null) {
        id = vocab.size();
        vocab.put(words[i], id);
      }
      ids[i] = id;
    }
    return ids;
  }
}
