package org.asrdistill.eval.align;

/**
 * Costs of the alignment steps. sclite's defaults are insertion 3, deletion 3, substitution 4, correct 0
 * (its {@code wwd_WORD}); the minimised total is {@code ins*I + del*D + sub*S}.
 */
public record AlignmentCosts(int insertion, int deletion, int substitution) {
  public AlignmentCosts {
    if (insertion <= 0 || deletion <= 0 || substitution <= 0) {
      throw new IllegalArgumentException("alignment costs must be > 0; got: ins=" + insertion + " del="
          + deletion + " sub=" + substitution);
    }
  }

  /** sclite's costs: insertion 3, deletion 3, substitution 4. */
  public static AlignmentCosts defaults() {
    return new AlignmentCosts(3, 3, 4);
  }
}
