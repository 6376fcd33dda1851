package org.asrdistill.decoder.align;

/**
 * Kaldi's AlignConfig: {@code beam} (default 200), {@code retryBeam} (0 = no retry; otherwise must exceed
 * beam), used when the first pass does not reach a final state of the training graph.
 */
public record AlignOptions(double beam, double retryBeam) {
  public AlignOptions {
    if (!(beam > 0)) {
      throw new IllegalArgumentException("beam must be > 0; got: " + beam);
    }
    if (retryBeam != 0 && !(retryBeam > beam)) {
      throw new IllegalArgumentException("retry-beam must be 0 or > beam=" + beam + "; got: " + retryBeam);
    }
  }

  public static AlignOptions defaults() {
    return new AlignOptions(200, 0);
  }
}
