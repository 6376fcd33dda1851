package org.asrdistill.decoder.search;

/**
 * A 1-best decoding result. {@code words}: the non-epsilon output labels of the best path;
 * {@code wordFrames[i]}: the frame at which the arc carrying word i was taken (for an emitting arc, the
 * frame it consumed; for an epsilon arc, the next frame to be consumed), i.e. the position of the word's
 * output label in the graph, not an acoustic word boundary; {@code alignment}: the input label
 * (transition-id) of each frame; {@code graphCost} and {@code acousticCost}: the path's costs (acoustic
 * cost already scaled by the Decodable's acoustic scale); {@code reachedFinal}: whether the path ends in a
 * final state (its final weight is included in graphCost when it does).
 */
public record DecodeResult(int[] words, int[] wordFrames, int[] alignment, double graphCost,
    double acousticCost, boolean reachedFinal) {
  /** Total cost: graph cost plus acoustic cost. */
  public double cost() {
    return graphCost + acousticCost;
  }

  public int numFrames() {
    return alignment.length;
  }
}
