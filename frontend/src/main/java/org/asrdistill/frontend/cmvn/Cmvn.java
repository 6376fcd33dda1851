package org.asrdistill.frontend.cmvn;

import java.util.function.Consumer;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * CMVN statistics and their application (Kaldi's transform/cmvn.cc). Statistics are a 2 x (dim+1) double
 * matrix: row 0 holds the per-dimension sums and, in the last column, the frame count; row 1 holds the sums
 * of squares (last column 0).
 */
public final class Cmvn {
  private static final double VARIANCE_FLOOR = 1.0e-20;

  private Cmvn() {
  }

  /** Empty statistics for features of dimension {@code dim}. */
  public static DoubleMatrix newStats(int dim) {
    if (dim < 1) {
      throw new IllegalArgumentException("feature dimension must be >= 1; got: " + dim);
    }
    return new DoubleMatrix(2, dim + 1);
  }

  /** Adds every frame of {@code feats} with weight 1 to {@code stats}. */
  public static void accumulate(DoubleMatrix stats, FloatMatrix feats) {
    accumulate(stats, feats, null);
  }

  /** Adds the frames of {@code feats} to {@code stats}, frame t weighted by {@code weights[t]} (null: 1). */
  public static void accumulate(DoubleMatrix stats, FloatMatrix feats, float[] weights) {
    int dim = feats.cols();
    if (stats.rows() != 2 || stats.cols() != dim + 1) {
      throw new IllegalArgumentException("stats must be 2 x " + (dim + 1) + " for " + dim
          + "-dimensional features; got: " + stats.rows() + " x " + stats.cols());
    }
    if (weights != null && weights.length != feats.rows()) {
      throw new IllegalArgumentException("weights must have one entry per frame (" + feats.rows() + "); got: "
          + weights.length);
    }
    double[] s = stats.data();
    float[] f = feats.data();
    int sq = dim + 1;
    for (int t = 0; t < feats.rows(); t++) {
      double w = weights == null ? 1.0 : weights[t];
      if (w == 0.0) {
        continue;
      }
      s[dim] += w;
      int row = t * dim;
      for (int d = 0; d < dim; d++) {
        double v = f[row + d];
        s[d] += v * w;
        s[sq + d] += v * v * w;
      }
    }
  }

  /**
   * Normalises {@code feats} in place with {@code stats} (Kaldi's ApplyCmvn): subtracts the mean and, with
   * {@code normVars}, divides by the standard deviation (variances floored at 1e-20, reported to
   * {@code warn}).
   *
   * @throws IllegalArgumentException on a dimension mismatch, a count below 1, or variance stats missing
   */
  public static void apply(DoubleMatrix stats, boolean normVars, FloatMatrix feats, Consumer<String> warn) {
    int dim = stats.cols() - 1;
    if (stats.rows() < 1 || stats.rows() > 2 || feats.cols() != dim) {
      throw new IllegalArgumentException("dimension mismatch: cmvn stats " + stats.rows() + "x" + stats.cols()
          + ", feats " + feats.rows() + "x" + feats.cols());
    }
    if (stats.rows() == 1 && normVars) {
      throw new IllegalArgumentException("variance normalization requested but the stats have no variance row");
    }
    double count = stats.get(0, dim);
    if (count < 1.0) {
      throw new IllegalArgumentException("insufficient stats for cepstral mean and variance normalization: "
          + "count = " + count);
    }
    float[] offset = new float[dim];
    float[] scale = new float[dim];
    for (int d = 0; d < dim; d++) {
      double mean = stats.get(0, d) / count;
      if (!normVars) {
        offset[d] = (float) -mean;
        scale[d] = 1f;
        continue;
      }
      double var = stats.get(1, d) / count - mean * mean;
      if (var < VARIANCE_FLOOR) {
        if (warn != null) {
          warn.accept("Flooring cepstral variance from " + var + " to " + VARIANCE_FLOOR);
        }
        var = VARIANCE_FLOOR;
      }
      double sc = 1.0 / Math.sqrt(var);
      if (Double.isNaN(sc) || Double.isInfinite(sc)) {
        throw new IllegalArgumentException("NaN or infinity in cepstral mean/variance computation");
      }
      offset[d] = (float) -(mean * sc);
      scale[d] = (float) sc;
    }
    float[] f = feats.data();
    for (int t = 0; t < feats.rows(); t++) {
      int row = t * dim;
      for (int d = 0; d < dim; d++) {
        f[row + d] = normVars ? f[row + d] * scale[d] + offset[d] : f[row + d] + offset[d];
      }
    }
  }
}
