package org.asrdistill.acoustic.gmm;

import java.io.IOException;
import org.asrdistill.acoustic.io.KaldiDoubles;
import org.asrdistill.hmm.gmm.DiagGmm;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Kaldi's {@code AccumDiagGmm}: per-component occupancy, first- and second-order statistics of one GMM, in
 * double precision. Format: {@code <GMMACCS> <VECSIZE> dim <NUMCOMPONENTS> n <FLAGS> f <OCCUPANCY> [..]
 * <MEANACCS> [..] <DIAGVARACCS> [..] </GMMACCS>}; as Kaldi, the statistics are written as floats. Mutable;
 * not thread-safe (accumulate per thread and {@link #add}).
 */
public final class DiagGmmAccs {
  /** Kaldi's {@code GmmFlagsType} bits. */
  public static final int MEANS = 1;
  public static final int VARIANCES = 2;
  public static final int WEIGHTS = 4;
  public static final int TRANSITIONS = 8;
  public static final int ALL = 15;

  private final int dim;
  private final int numComp;
  private final int flags;
  final double[] occupancy;
  final double[] meanAcc; // numComp x dim, empty without MEANS
  final double[] varAcc; // numComp x dim, empty without VARIANCES

  public DiagGmmAccs(int numComp, int dim, int flags) {
    if (numComp <= 0 || dim <= 0) {
      throw new IllegalArgumentException("accumulators need numComp > 0 and dim > 0; got: " + numComp + ", " + dim);
    }
    this.numComp = numComp;
    this.dim = dim;
    this.flags = augmentFlags(flags);
    occupancy = new double[numComp];
    meanAcc = new double[(this.flags & MEANS) != 0 ? numComp * dim : 0];
    varAcc = new double[(this.flags & VARIANCES) != 0 ? numComp * dim : 0];
  }

  /** Kaldi's {@code AugmentGmmFlags}: variances imply means, means imply weights; weights always. */
  public static int augmentFlags(int flags) {
    if ((flags & ~ALL) != 0) {
      throw new IllegalArgumentException("flags must be a subset of 0xF; got: " + flags);
    }
    if ((flags & VARIANCES) != 0) {
      flags |= MEANS;
    }
    return flags | WEIGHTS;
  }

  /** Kaldi's {@code StringToGmmFlags}: a subset of "mvwta". */
  public static int parseFlags(String s) {
    int f = 0;
    for (char c : s.toCharArray()) {
      f |= switch (c) {
        case 'm' -> MEANS;
        case 'v' -> VARIANCES;
        case 'w' -> WEIGHTS;
        case 't' -> TRANSITIONS;
        case 'a' -> ALL;
        default -> throw new IllegalArgumentException("update flags must be a subset of \"mvwta\"; got: " + s);
      };
    }
    return f;
  }

  public int dim() {
    return dim;
  }

  public int numGauss() {
    return numComp;
  }

  public int flags() {
    return flags;
  }

  public double occupancy(int comp) {
    return occupancy[comp];
  }

  /** Total occupancy over components. */
  public double totalOccupancy() {
    double s = 0;
    for (double o : occupancy) {
      s += o;
    }
    return s;
  }

  /** Adds weight times the frame's statistics to one component. */
  public void accumulateForComponent(float[] frame, int comp, double weight) {
    occupancy[comp] += weight;
    if (meanAcc.length > 0) {
      int o = comp * dim;
      for (int d = 0; d < dim; d++) {
        double x = frame[d];
        meanAcc[o + d] += weight * x;
        if (varAcc.length > 0) {
          varAcc[o + d] += weight * x * x;
        }
      }
    }
  }

  /**
   * Kaldi's {@code AccumulateFromDiag}: adds the frame with component posteriors under {@code gmm} scaled
   * by {@code weight}; returns the frame's log likelihood.
   */
  public double accumulateFromGmm(DiagGmm gmm, float[] frame, double weight) {
    if (gmm.numGauss() != numComp || gmm.dim() != dim) {
      throw new IllegalArgumentException("GMM has " + gmm.numGauss() + " components of dimension " + gmm.dim()
          + ", accumulators " + numComp + " of " + dim);
    }
    float[] ll = gmm.componentLogLikelihoods(frame);
    double max = Double.NEGATIVE_INFINITY;
    for (float v : ll) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : ll) {
      sum += Math.exp(v - max);
    }
    double logSum = max + Math.log(sum);
    if (!Double.isFinite(logSum)) {
      throw new IllegalArgumentException("invalid likelihood " + logSum + " (bad variances or features?)");
    }
    for (int m = 0; m < numComp; m++) {
      double post = Math.exp(ll[m] - logSum) * weight;
      if (post != 0) {
        accumulateForComponent(frame, m, post);
      }
    }
    return logSum;
  }

  /** Adds {@code scale} times other accumulators of the same shape. */
  public void add(double scale, DiagGmmAccs other) {
    if (other.numComp != numComp || other.dim != dim || other.flags != flags) {
      throw new IllegalArgumentException("accumulator shapes or flags differ (mixing accs from different models?)");
    }
    addArrays(occupancy, other.occupancy, scale);
    addArrays(meanAcc, other.meanAcc, scale);
    addArrays(varAcc, other.varAcc, scale);
  }

  private static void addArrays(double[] a, double[] b, double scale) {
    for (int i = 0; i < a.length; i++) {
      a[i] += scale * b[i];
    }
  }

  /** Kaldi's {@code MlObjective}: the auxiliary function of these statistics under {@code gmm}. */
  public double objective(DiagGmm gmm) {
    float[] gc = gmm.gconsts();
    float[] mi = gmm.meansInvVars().data();
    float[] iv = gmm.invVars().data();
    double obj = 0;
    for (int m = 0; m < numComp; m++) {
      obj += occupancy[m] * gc[m];
    }
    for (int i = 0; i < meanAcc.length; i++) {
      obj += meanAcc[i] * mi[i];
    }
    for (int i = 0; i < varAcc.length; i++) {
      obj -= 0.5 * varAcc[i] * iv[i];
    }
    return obj;
  }

  /** Reads as Kaldi's {@code AccumDiagGmm::Read}. */
  public static DiagGmmAccs read(KaldiInput in, boolean binary) throws IOException {
    long start = in.offset();
    in.expectToken("<GMMACCS>");
    in.expectToken("<VECSIZE>");
    int dim = KaldiObjects.readInt(in, binary, "dimension");
    in.expectToken("<NUMCOMPONENTS>");
    int n = KaldiObjects.readInt(in, binary, "number of components");
    in.expectToken("<FLAGS>");
    long fat = in.offset();
    int flags = KaldiDoubles.readUint16(in, binary, "flags");
    if (dim <= 0 || n <= 0 || dim > 1 << 16 || n > 1 << 20 || (flags & ~ALL) != 0) {
      throw in.error(fat, "bad GMM accumulator header: dim " + dim + ", components " + n + ", flags " + flags);
    }
    DiagGmmAccs a = new DiagGmmAccs(n, dim, flags);
    while (true) {
      long at = in.offset();
      String t = in.readToken("token");
      if (t.equals("</GMMACCS>")) {
        return a;
      }
      switch (t) {
        case "<OCCUPANCY>" -> copyChecked(in, at, KaldiDoubles.readVector(in, binary, "occupancy"), a.occupancy, t);
        case "<MEANACCS>" -> copyChecked(in, at, matrixData(KaldiDoubles.readMatrix(in, binary, "mean accs"), n),
            a.meanAcc, t);
        case "<DIAGVARACCS>" -> copyChecked(in, at,
            matrixData(KaldiDoubles.readMatrix(in, binary, "variance accs"), n), a.varAcc, t);
        default -> throw in.error(at, "unexpected token '" + KaldiInput.abbreviate(t) + "' in GMM accumulators"
            + " starting at byte " + start);
      }
    }
  }

  private static double[] matrixData(DoubleMatrix m, int rows) {
    return m.rows() == 0 ? new double[0] : m.data();
  }

  private static void copyChecked(KaldiInput in, long at, double[] src, double[] dst, String what)
      throws IOException {
    if (src.length != dst.length) {
      throw in.error(at, what + " has " + src.length + " values, expected " + dst.length);
    }
    System.arraycopy(src, 0, dst, 0, src.length);
  }

  /** Writes as Kaldi's {@code AccumDiagGmm::Write} (statistics rounded to float, as Kaldi). */
  public void write(KaldiOutput out, boolean binary) throws IOException {
    out.writeToken("<GMMACCS>");
    out.writeToken("<VECSIZE>");
    KaldiObjects.writeInt(out, binary, dim);
    out.writeToken("<NUMCOMPONENTS>");
    KaldiObjects.writeInt(out, binary, numComp);
    out.writeToken("<FLAGS>");
    KaldiDoubles.writeUint16(out, binary, flags);
    out.writeToken("<OCCUPANCY>");
    KaldiObjects.writeFloatVector(out, binary, toFloats(occupancy));
    out.writeToken("<MEANACCS>");
    KaldiObjects.writeFloatMatrix(out, binary, matrix(meanAcc));
    out.writeToken("<DIAGVARACCS>");
    KaldiObjects.writeFloatMatrix(out, binary, matrix(varAcc));
    out.writeToken("</GMMACCS>");
  }

  private FloatMatrix matrix(double[] a) {
    return a.length == 0 ? new FloatMatrix(0, 0) : new FloatMatrix(numComp, dim, toFloats(a));
  }

  private static float[] toFloats(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }
}
