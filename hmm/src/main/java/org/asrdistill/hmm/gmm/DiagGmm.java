package org.asrdistill.hmm.gmm;

import java.io.IOException;
import java.util.Arrays;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Kaldi's {@code DiagGmm}: a diagonal-covariance Gaussian mixture stored as weights, means times inverse
 * variances, inverse variances, and the derived per-component constants ({@code gconsts}, the log
 * likelihood at the zero vector). Format: {@code <DiagGMM> <GCONSTS> [..] <WEIGHTS> [..] <MEANS_INVVARS>
 * [..] <INV_VARS> [..] </DiagGMM>}. As in Kaldi, gconsts are recomputed on reading. Immutable.
 */
public final class DiagGmm {
  private static final double LOG_2PI = 1.8378770664093454835606594728112;

  private final float[] weights;
  private final FloatMatrix meansInvVars;
  private final FloatMatrix invVars;
  private final float[] gconsts;

  /**
   * @param weights component weights (>= 0)
   * @param meansInvVars components x dim, mean times inverse variance
   * @param invVars components x dim, inverse variances (> 0)
   */
  public DiagGmm(float[] weights, FloatMatrix meansInvVars, FloatMatrix invVars) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("a GMM needs at least one component");
    }
    if (meansInvVars.rows() != weights.length || invVars.rows() != weights.length
        || meansInvVars.cols() != invVars.cols()) {
      throw new IllegalArgumentException("GMM shapes disagree: " + weights.length + " weights, means "
          + meansInvVars.rows() + "x" + meansInvVars.cols() + ", inverse variances " + invVars.rows() + "x"
          + invVars.cols());
    }
    for (float w : weights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("weights must be >= 0; got: " + w);
      }
    }
    this.weights = weights.clone();
    this.meansInvVars = new FloatMatrix(meansInvVars.rows(), meansInvVars.cols(), meansInvVars.data().clone());
    this.invVars = new FloatMatrix(invVars.rows(), invVars.cols(), invVars.data().clone());
    this.gconsts = computeGconsts();
  }

  /** A GMM from means and variances (not inverted). */
  public static DiagGmm fromMeansVars(float[] weights, FloatMatrix means, FloatMatrix vars) {
    float[] iv = new float[vars.data().length];
    float[] mi = new float[iv.length];
    for (int i = 0; i < iv.length; i++) {
      float v = vars.data()[i];
      if (!(v > 0)) {
        throw new IllegalArgumentException("variances must be > 0; got: " + v);
      }
      iv[i] = 1.0f / v;
      mi[i] = means.data()[i] * iv[i];
    }
    return new DiagGmm(weights, new FloatMatrix(means.rows(), means.cols(), mi),
        new FloatMatrix(vars.rows(), vars.cols(), iv));
  }

  /** Kaldi's {@code ComputeGconsts}, with its float/double mix of operations. */
  private float[] computeGconsts() {
    int dim = dim();
    float offset = (float) (-0.5 * LOG_2PI * dim);
    float[] g = new float[weights.length];
    float[] mi = meansInvVars.data();
    float[] iv = invVars.data();
    for (int m = 0; m < weights.length; m++) {
      float gc = (float) Math.log(weights[m]) + offset;
      for (int d = 0; d < dim; d++) {
        float a = mi[m * dim + d];
        float b = iv[m * dim + d];
        gc = (float) (gc + (0.5 * (float) Math.log(b) - 0.5 * a * a / b));
      }
      if (Float.isNaN(gc)) {
        throw new IllegalArgumentException("component " + m + ": not a number in gconst computation");
      }
      g[m] = Float.isInfinite(gc) ? Float.NEGATIVE_INFINITY : gc;
    }
    return g;
  }

  public int numGauss() {
    return weights.length;
  }

  public int dim() {
    return invVars.cols();
  }

  public float[] weights() {
    return weights.clone();
  }

  public float[] gconsts() {
    return gconsts.clone();
  }

  public FloatMatrix meansInvVars() {
    return new FloatMatrix(meansInvVars.rows(), meansInvVars.cols(), meansInvVars.data().clone());
  }

  public FloatMatrix invVars() {
    return new FloatMatrix(invVars.rows(), invVars.cols(), invVars.data().clone());
  }

  /** Per-component log likelihoods of one frame (gconst + x.mu/var - 0.5 x^2/var). */
  public float[] componentLogLikelihoods(float[] frame) {
    int dim = dim();
    if (frame.length != dim) {
      throw new IllegalArgumentException("frame must have dimension " + dim + "; got: " + frame.length);
    }
    float[] out = new float[weights.length];
    float[] mi = meansInvVars.data();
    float[] iv = invVars.data();
    for (int m = 0; m < weights.length; m++) {
      double s = gconsts[m];
      for (int d = 0; d < dim; d++) {
        float x = frame[d];
        s += x * mi[m * dim + d] - 0.5 * x * x * iv[m * dim + d];
      }
      out[m] = (float) s;
    }
    return out;
  }

  /** Total log likelihood of one frame (log-sum-exp over components). */
  public float logLikelihood(float[] frame) {
    float[] c = componentLogLikelihoods(frame);
    double max = Double.NEGATIVE_INFINITY;
    for (float v : c) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return Float.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (float v : c) {
      sum += Math.exp(v - max);
    }
    return (float) (max + Math.log(sum));
  }

  /** Reads as Kaldi's {@code DiagGmm::Read}; the stored gconsts are ignored and recomputed. */
  public static DiagGmm read(KaldiInput in, boolean binary) throws IOException {
    long start = in.offset();
    String t = in.readToken("token");
    if (!t.equals("<DiagGMM>") && !t.equals("<DiagGMMBegin>")) {
      throw in.error(start, "expected <DiagGMM>, found '" + KaldiInput.abbreviate(t) + "'");
    }
    long at = in.offset();
    t = in.readToken("token");
    if (t.equals("<GCONSTS>")) {
      KaldiObjects.readFloatVector(in, binary, "gconsts");
      at = in.offset();
      t = in.readToken("token");
    }
    if (!t.equals("<WEIGHTS>")) {
      throw in.error(at, "expected <WEIGHTS> or <GCONSTS>, found '" + KaldiInput.abbreviate(t) + "'");
    }
    float[] w = KaldiObjects.readFloatVector(in, binary, "weights");
    in.expectToken("<MEANS_INVVARS>");
    FloatMatrix mi = KaldiObjects.readFloatMatrix(in, binary, "means_invvars");
    in.expectToken("<INV_VARS>");
    FloatMatrix iv = KaldiObjects.readFloatMatrix(in, binary, "inv_vars");
    at = in.offset();
    t = in.readToken("token");
    if (!t.equals("</DiagGMM>") && !t.equals("<DiagGMMEnd>")) {
      throw in.error(at, "expected </DiagGMM>, found '" + KaldiInput.abbreviate(t) + "'");
    }
    try {
      return new DiagGmm(w, mi, iv);
    } catch (IllegalArgumentException e) {
      throw new KaldiFormatException(in.name(), in.key(), start, "invalid GMM: " + e.getMessage());
    }
  }

  /** Writes as Kaldi's {@code DiagGmm::Write}. */
  public void write(KaldiOutput out, boolean binary) throws IOException {
    out.writeToken("<DiagGMM>");
    if (!binary) {
      out.writeText("\n");
    }
    out.writeToken("<GCONSTS>");
    KaldiObjects.writeFloatVector(out, binary, gconsts);
    out.writeToken("<WEIGHTS>");
    KaldiObjects.writeFloatVector(out, binary, weights);
    out.writeToken("<MEANS_INVVARS>");
    KaldiObjects.writeFloatMatrix(out, binary, meansInvVars);
    out.writeToken("<INV_VARS>");
    KaldiObjects.writeFloatMatrix(out, binary, invVars);
    out.writeToken("</DiagGMM>");
    if (!binary) {
      out.writeText("\n");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiagGmm g && Arrays.equals(g.weights, weights) && g.meansInvVars.equals(meansInvVars)
        && g.invVars.equals(invVars);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + meansInvVars.hashCode();
  }
}
