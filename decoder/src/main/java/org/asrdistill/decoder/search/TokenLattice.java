package org.asrdistill.decoder.search;

/**
 * The raw state-level lattice recorded by a {@link BeamDecoder}: tokens 0..numTokens-1 (token 0 is the
 * start; the tokens of frame f are [frameStart[f], frameStart[f + 1]), where frame f means "after f frames
 * were consumed"), each with its graph state, its Viterbi cost and the head of its list of forward links.
 * {@code lastFrameFinals[i]} is the graph's final weight for token {@code frameStart[numFrames] + i}.
 * Emitting links go from frame f to f + 1, epsilon links stay within a frame.
 */
public record TokenLattice(int numTokens, int[] state, double[] cost, int[] firstLink, Links links,
    int[] frameStart, float[] lastFrameFinals) {

  /** Forward links in parallel arrays; {@code next[l]} is the next link of the same source token, or -1. */
  public record Links(int n, int[] to, int[] ilabel, int[] olabel, float[] graph, float[] acoustic, int[] next) {
  }

  /** Number of frames decoded. */
  public int numFrames() {
    return frameStart.length - 2;
  }
}
