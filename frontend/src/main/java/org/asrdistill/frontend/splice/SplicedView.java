package org.asrdistill.frontend.splice;

import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * A zero-copy spliced view of a T x D feature matrix: spliced frame t is the concatenation of frames
 * t-left .. t+right, each index clamped to [0, T-1] (Kaldi's SpliceFrames), so it has (left+1+right) x D
 * values. Nothing is materialised: rows are gathered by index arithmetic into caller buffers, which is what
 * DNN training uses to fill a batch. Immutable; thread-safe as long as the matrix is not modified.
 */
public final class SplicedView {
  private final FloatMatrix feats;
  private final int left;
  private final int right;

  public SplicedView(FloatMatrix feats, int leftContext, int rightContext) {
    if (leftContext < 0 || rightContext < 0) {
      throw new IllegalArgumentException("left-context and right-context must be >= 0; got: " + leftContext
          + ", " + rightContext);
    }
    if (feats.rows() == 0 || feats.cols() == 0) {
      throw new IllegalArgumentException("cannot splice an empty matrix; got: " + feats);
    }
    this.feats = feats;
    this.left = leftContext;
    this.right = rightContext;
  }

  public int numFrames() {
    return feats.rows();
  }

  /** Dimension of a spliced frame: (left + 1 + right) x input dimension. */
  public int dim() {
    return (left + 1 + right) * feats.cols();
  }

  public int leftContext() {
    return left;
  }

  public int rightContext() {
    return right;
  }

  /** The underlying matrix (not a copy). */
  public FloatMatrix source() {
    return feats;
  }

  /** Value j of spliced frame t. */
  public float get(int t, int j) {
    checkFrame(t);
    int d = feats.cols();
    if (j < 0 || j >= dim()) {
      throw new IllegalArgumentException("column must be in [0, " + dim() + "); got: " + j);
    }
    int src = clamp(t + j / d - left);
    return feats.data()[src * d + j % d];
  }

  /** Copies spliced frame t into {@code dst[off .. off+dim())}. */
  public void copyFrame(int t, float[] dst, int off) {
    checkFrame(t);
    int d = feats.cols();
    float[] src = feats.data();
    int n = left + 1 + right;
    for (int j = 0; j < n; j++) {
      System.arraycopy(src, clamp(t + j - left) * d, dst, off + j * d, d);
    }
  }

  /**
   * Copies the spliced frames {@code frames[from .. from+count)} into consecutive rows of {@code batch}
   * starting at {@code batchOffset} (row stride = {@link #dim()}).
   */
  public void copyFrames(int[] frames, int from, int count, float[] batch, int batchOffset) {
    int stride = dim();
    if (batchOffset < 0 || (long) batchOffset + (long) count * stride > batch.length) {
      throw new IllegalArgumentException("batch too small: need " + ((long) batchOffset + (long) count * stride)
          + " floats; got: " + batch.length);
    }
    for (int i = 0; i < count; i++) {
      copyFrame(frames[from + i], batch, batchOffset + i * stride);
    }
  }

  /** Materialises the whole spliced matrix (Kaldi's splice-feats output). */
  public FloatMatrix toMatrix() {
    int t = feats.rows();
    float[] out = new float[Math.multiplyExact(t, dim())];
    for (int i = 0; i < t; i++) {
      copyFrame(i, out, i * dim());
    }
    return new FloatMatrix(t, dim(), out);
  }

  private int clamp(int t) {
    return t < 0 ? 0 : t >= feats.rows() ? feats.rows() - 1 : t;
  }

  private void checkFrame(int t) {
    if (t < 0 || t >= feats.rows()) {
      throw new IllegalArgumentException("frame must be in [0, " + feats.rows() + "); got: " + t);
    }
  }
}
