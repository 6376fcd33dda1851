package org.asrdistill.eval.wer;

import org.asrdistill.eval.align.Alignment;
import org.asrdistill.eval.align.EditOp;

/** One scored utterance: its tokens, the alignment and its counts. */
public record UtteranceResult(String key, String speaker, String[] ref, String[] hyp, Alignment alignment) {
  public int correct() {
    return alignment.count(EditOp.CORRECT);
  }

  public int substitutions() {
    return alignment.count(EditOp.SUBSTITUTION);
  }

  public int deletions() {
    return alignment.count(EditOp.DELETION);
  }

  public int insertions() {
    return alignment.count(EditOp.INSERTION);
  }

  public int errors() {
    return alignment.errors();
  }
}
