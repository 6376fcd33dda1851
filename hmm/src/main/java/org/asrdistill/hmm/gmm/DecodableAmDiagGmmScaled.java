package org.asrdistill.hmm.gmm;

import java.util.Arrays;
import org.asrdistill.hmm.decodable.Decodable;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Kaldi's {@code DecodableAmDiagGmmScaled}: GMM log likelihoods of an utterance's frames looked up by
 * transition-id, times the acoustic scale. A pdf's likelihood is computed on first request and cached for the
 * current frame (decoders visit frames in order). Not thread-safe (one per utterance and thread); the scorer
 * is shared.
 */
public final class DecodableAmDiagGmmScaled implements Decodable {
  private final GmmScorer scorer;
  private final int[] tidToPdf;
  private final FloatMatrix feats;
  private final float scale;
  private final float[] v;
  private final float[] cache;
  private final int[] cachedFor;
  private final float[] tmp;
  private int frame = -1;

  public DecodableAmDiagGmmScaled(GmmScorer scorer, TransitionModel tm, FloatMatrix feats, float scale) {
    if (feats.rows() > 0 && feats.cols() != scorer.dim()) {
      throw new IllegalArgumentException("features have dimension " + feats.cols() + " but the model has "
          + scorer.dim());
    }
    if (tm.numPdfs() > scorer.numPdfs()) {
      throw new IllegalArgumentException("the transition model uses " + tm.numPdfs() + " pdfs but the GMMs are "
          + scorer.numPdfs());
    }
    this.scorer = scorer;
    this.tidToPdf = tm.transitionIdToPdfArray();
    this.feats = feats;
    this.scale = scale;
    this.v = new float[2 * scorer.dim()];
    this.cache = new float[scorer.numPdfs()];
    this.cachedFor = new int[scorer.numPdfs()];
    Arrays.fill(cachedFor, -1);
    this.tmp = new float[Math.max(1, scorer.maxGaussPerPdf())];
  }

  @Override
  public float logLikelihood(int t, int tid) {
    if (tid <= 0 || tid >= tidToPdf.length || t < 0 || t >= feats.rows()) {
      throw new IllegalArgumentException("invalid (frame, transition-id) = (" + t + ", " + tid + "); frames "
          + feats.rows() + ", transition-ids 1.." + (tidToPdf.length - 1));
    }
    return scale * pdfLogLikelihood(t, tidToPdf[tid]);
  }

  /** Unscaled log likelihood of pdf {@code p} at frame {@code t}. */
  public float pdfLogLikelihood(int t, int p) {
    if (t != frame) {
      scorer.prepare(feats.data(), t, v);
      frame = t;
    }
    if (cachedFor[p] != t) {
      cache[p] = scorer.logLikelihood(p, v, tmp);
      cachedFor[p] = t;
    }
    return cache[p];
  }

  @Override
  public int numFramesReady() {
    return feats.rows();
  }

  @Override
  public boolean isLastFrame(int t) {
    if (t >= feats.rows()) {
      throw new IllegalArgumentException("frame must be < " + feats.rows() + "; got: " + t);
    }
    return t == feats.rows() - 1;
  }

  @Override
  public int numIndices() {
    return tidToPdf.length - 1;
  }
}
