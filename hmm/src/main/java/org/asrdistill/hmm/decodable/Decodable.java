package org.asrdistill.hmm.decodable;

/**
 * Kaldi's {@code DecodableInterface}: what a decoder sees of an acoustic model. Frames are 0-based;
 * indices are 1-based ({@code 1..numIndices()}), as OpenFst labels are: for models decoded through HCLG
 * the index is a transition-id, for {@link DecodableMatrixScaled} it is pdf id + 1.
 */
public interface Decodable {
  /** Log likelihood (scaled by the acoustic scale) of {@code index} at {@code frame}; the decoder negates it. */
  float logLikelihood(int frame, int index);

  /** Number of frames available now. */
  int numFramesReady();

  /** True if {@code frame} is the last frame ({@code isLastFrame(-1)} is true only for empty input). */
  boolean isLastFrame(int frame);

  /** Number of valid indices; valid indices are 1..numIndices(). */
  int numIndices();
}
