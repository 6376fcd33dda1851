package org.asrdistill.decoder.align;

import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.decodable.Decodable;

/**
 * Viterbi forced alignment as Kaldi's align-mapped (AlignUtteranceWrapper): beam search of the training
 * graph with {@code beam} (FasterDecoder defaults otherwise); if no final state is reached and a retry
 * beam is set, once more with the retry beam; the alignment is the input label of the best complete path
 * at every frame. Partial paths are never returned.
 */
public final class ForcedAligner {
  private ForcedAligner() {
  }

  /** Outcome: the alignment (null on failure), its total cost, and whether the retry beam was needed. */
  public record Result(int[] alignment, int[] words, double cost, boolean retried) {
    public boolean succeeded() {
      return alignment != null;
    }
  }

  /** Aligns one utterance against its training graph (transition-id input labels). */
  public static Result align(Fst trainingGraph, Decodable d, AlignOptions opt) {
    DecodingGraph g = DecodingGraph.of(trainingGraph);
    DecodeResult r = pass(g, d, opt.beam());
    boolean retried = false;
    if ((r == null || !r.reachedFinal()) && opt.retryBeam() > 0) {
      retried = true;
      r = pass(g, d, opt.retryBeam());
    }
    if (r == null || !r.reachedFinal()) {
      return new Result(null, null, Double.POSITIVE_INFINITY, retried);
    }
    return new Result(r.alignment(), r.words(), r.cost(), retried);
  }

  private static DecodeResult pass(DecodingGraph g, Decodable d, double beam) {
    BeamDecoder dec = new BeamDecoder(g, DecoderOptions.defaults().withBeam(beam));
    return dec.decode(d);
  }
}
