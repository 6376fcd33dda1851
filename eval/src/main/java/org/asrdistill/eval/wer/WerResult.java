package org.asrdistill.eval.wer;

import java.util.List;
import java.util.Map;

/**
 * The result of scoring: totals, per-speaker counts (sorted by speaker), every scored utterance in
 * reference order, the number of reference utterances without a hypothesis, and the error lists
 * (confusion pairs "ref ==> hyp", insertions, deletions, substituted reference words and falsely
 * recognised hypothesis words, each with its count).
 */
public record WerResult(ErrorCounts total, Map<String, ErrorCounts> speakers, List<UtteranceResult> utterances,
    int absent, Map<String, Long> confusions, Map<String, Long> insertions, Map<String, Long> deletions,
    Map<String, Long> substitutions, Map<String, Long> falselyRecognized) {

  /** True when some reference utterances had no hypothesis (Kaldi's {@code [PARTIAL]}). */
  public boolean partial() {
    return absent != 0;
  }

  /** Errors of each scored utterance, in order (for the bootstrap). */
  public int[] utteranceErrors() {
    int[] e = new int[utterances.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = utterances.get(i).errors();
    }
    return e;
  }

  /** Reference words of each scored utterance, in order. */
  public int[] utteranceWords() {
    int[] n = new int[utterances.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = utterances.get(i).ref().length;
    }
    return n;
  }
}
