package org.asrdistill.hmm.decodable;

import java.util.Objects;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Kaldi's {@code DecodableMatrixScaledMapped}: log likelihoods in a frames x pdfs matrix (e.g. from a
 * DNN's log posteriors minus log priors), looked up by transition-id through the transition model and
 * multiplied by {@code scale}. The matrix is not copied.
 */
public final class DecodableMatrixScaledMapped implements Decodable {
  private final FloatMatrix likes;
  private final int[] tidToPdf;
  private final float scale;

  public DecodableMatrixScaledMapped(TransitionModel tm, FloatMatrix likes, float scale) {
    Objects.requireNonNull(tm, "tm");
    this.likes = Objects.requireNonNull(likes, "likes");
    if (likes.cols() != tm.numPdfs()) {
      throw new IllegalArgumentException("matrix has " + likes.cols() + " columns but the transition model has "
          + tm.numPdfs() + " pdfs");
    }
    this.tidToPdf = tm.transitionIdToPdfArray();
    this.scale = scale;
  }

  @Override
  public float logLikelihood(int frame, int tid) {
    if (tid <= 0 || tid >= tidToPdf.length || frame < 0 || frame >= likes.rows()) {
      throw new IllegalArgumentException("invalid (frame, transition-id) = (" + frame + ", " + tid
          + "); frames " + likes.rows() + ", transition-ids 1.." + (tidToPdf.length - 1));
    }
    return scale * likes.data()[frame * likes.cols() + tidToPdf[tid]];
  }

  @Override
  public int numFramesReady() {
    return likes.rows();
  }

  @Override
  public boolean isLastFrame(int frame) {
    if (frame >= likes.rows()) {
      throw new IllegalArgumentException("frame must be < " + likes.rows() + "; got: " + frame);
    }
    return frame == likes.rows() - 1;
  }

  @Override
  public int numIndices() {
    return tidToPdf.length - 1;
  }
}
