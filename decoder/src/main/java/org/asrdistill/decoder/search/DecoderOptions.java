package org.asrdistill.decoder.search;

/**
 * Beam-search options with Kaldi's names and meanings. {@code beam}: decoding beam (a token survives a
 * frame if its cost is within beam of the best); {@code maxActive}/{@code minActive}: bounds on the number
 * of tokens expanded per frame (the cutoff is tightened or loosened by partial selection);
 * {@code beamDelta}: increment added to the adaptive beam when max-active or min-active decided the
 * cutoff; {@code latticeBeam}: lattice pruning beam (only used when lattices are recorded).
 */
public record DecoderOptions(double beam, int maxActive, int minActive, double beamDelta, double latticeBeam) {
  public DecoderOptions {
    if (!(beam > 0)) {
      throw new IllegalArgumentException("beam must be > 0; got: " + beam);
    }
    if (maxActive <= 1) {
      throw new IllegalArgumentException("max-active must be > 1; got: " + maxActive);
    }
    if (minActive < 0 || minActive >= maxActive) {
      throw new IllegalArgumentException("min-active must be in [0, max-active=" + maxActive + "); got: "
          + minActive);
    }
    if (!(beamDelta >= 0)) {
      throw new IllegalArgumentException("beam-delta must be >= 0; got: " + beamDelta);
    }
    if (!(latticeBeam > 0)) {
      throw new IllegalArgumentException("lattice-beam must be > 0; got: " + latticeBeam);
    }
  }

  /** Kaldi's FasterDecoderOptions defaults: beam 16, max-active unbounded, min-active 20, beam-delta 0.5. */
  public static DecoderOptions defaults() {
    return new DecoderOptions(16.0, Integer.MAX_VALUE, 20, 0.5, 10.0);
  }

  /** Kaldi's LatticeFasterDecoderConfig defaults: beam 16, min-active 200, lattice-beam 10. */
  public static DecoderOptions latticeDefaults() {
    return new DecoderOptions(16.0, Integer.MAX_VALUE, 200, 0.5, 10.0);
  }

  /** An unbounded search (infinite beam, no max-active): exact Viterbi. */
  public static DecoderOptions exhaustive() {
    return new DecoderOptions(Double.POSITIVE_INFINITY, Integer.MAX_VALUE, 0, 0.5, Double.POSITIVE_INFINITY);
  }

  public DecoderOptions withBeam(double b) {
    return new DecoderOptions(b, maxActive, minActive, beamDelta, latticeBeam);
  }

  public DecoderOptions withMaxActive(int m) {
    return new DecoderOptions(beam, m, Math.min(minActive, m - 1), beamDelta, latticeBeam);
  }

  public DecoderOptions withMinActive(int m) {
    return new DecoderOptions(beam, maxActive, m, beamDelta, latticeBeam);
  }

  public DecoderOptions withLatticeBeam(double b) {
    return new DecoderOptions(beam, maxActive, minActive, beamDelta, b);
  }
}
