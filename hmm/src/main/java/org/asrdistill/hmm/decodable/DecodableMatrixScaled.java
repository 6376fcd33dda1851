package org.asrdistill.hmm.decodable;

import java.util.Objects;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Kaldi's {@code DecodableMatrixScaled}: log likelihoods in a frames x pdfs matrix, index = pdf + 1, each
 * value multiplied by {@code scale}. The matrix is not copied.
 */
public final class DecodableMatrixScaled implements Decodable {
  private final FloatMatrix likes;
  private final float scale;

  public DecodableMatrixScaled(FloatMatrix likes, float scale) {
    this.likes = Objects.requireNonNull(likes, "likes");
    this.scale = scale;
  }

  @Override
  public float logLikelihood(int frame, int index) {
    if (index <= 0 || index > likes.cols() || frame < 0 || frame >= likes.rows()) {
      throw new IllegalArgumentException("invalid (frame, index - 1) = (" + frame + ", " + (index - 1)
          + ") for a matrix of size " + likes.rows() + " x " + likes.cols());
    }
    return scale * likes.data()[frame * likes.cols() + index - 1];
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
    return likes.cols();
  }
}
