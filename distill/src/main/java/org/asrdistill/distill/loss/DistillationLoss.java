package org.asrdistill.distill.loss;

import org.asrdistill.acoustic.dnn.DnnTrainer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's distillation objective for one frame with student logits z, soft targets p_T (see {@link
 * SoftTargets}: a set of classes with their scores, the rest sharing one tail score or no mass) and hard label y:
 * <pre>  L = T^2 * (-sum_c p_T(c) log q_T(c)) + w * (-log q_1(y)),   q_T = softmax(z / T)</pre>
 * whose gradient is {@code dL/dz = T (q_T - p_T) + w (q_1 - onehot(y))}. Both softmaxes are computed from z minus
 * its maximum (no overflow) and the logarithms are taken of the normalisers, never of probabilities (no 0 log 0).
 * The student is decoded at T = 1.
 */
public final class DistillationLoss {
  private DistillationLoss() {
  }

  /**
   * Temperature, relative weight of the hard-label term (the paper: w = 0.5), and a limit on the minibatch's
   * output gradient used in training: when the root mean square over its frames of the per-frame norm of dL/dz
   * exceeds {@code maxGradNorm}, the whole minibatch's gradient is scaled down to it (0: no limit). The soft term's
   * gradient is T (q_T - p_T); early in training, when the student is far from the teacher, it is up to T times the
   * hard term's, and a step size tuned for cross-entropy diverges at T = 10. The loss value is never changed.
   */
  public record Options(double temperature, double hardWeight, double maxGradNorm) {
    public Options {
      if (!(temperature > 0) || !(hardWeight >= 0) || !(maxGradNorm >= 0)) {
        throw new IllegalArgumentException("need temperature > 0, hard-weight >= 0, max-grad-norm >= 0; got: "
            + temperature + ", " + hardWeight + ", " + maxGradNorm);
      }
    }

    /** No gradient limit. */
    public Options(double temperature, double hardWeight) {
      this(temperature, hardWeight, 0);
    }

    /**
     * The default limit: the largest per-frame gradient norm the loss can produce at T = 1, (1 + w) sqrt 2, so
     * that a higher temperature never makes a step larger than the T = 1 loss could.
     */
    public static double defaultMaxGradNorm(double hardWeight) {
      return (1 + hardWeight) * Math.sqrt(2);
    }
  }

  /**
   * Reference implementation in double precision, written directly from the formula: returns L and, if {@code grad}
   * is not null, fills it with dL/dz. {@code teacherScores[c]} is NaN for classes outside the teacher's set.
   */
  public static double reference(double[] z, double[] teacherScores, int label, Options o, double[] grad) {
    int n = z.length;
    double t = o.temperature();
    double[] qT = softmax(z, t);
    double[] q1 = softmax(z, 1);
    double[] a = new double[n];
    double maxA = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < n; c++) {
      a[c] = Double.isNaN(teacherScores[c]) ? Double.NEGATIVE_INFINITY : teacherScores[c] / t;
      maxA = Math.max(maxA, a[c]);
    }
    double sa = 0;
    for (int c = 0; c < n; c++) {
      sa += Math.exp(a[c] - maxA);
    }
    double soft = 0;
    double maxZ = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      maxZ = Math.max(maxZ, v);
    }
    double lseT = 0;
    for (double v : z) {
      lseT += Math.exp((v - maxZ) / t);
    }
    lseT = Math.log(lseT);
    for (int c = 0; c < n; c++) {
      double p = Math.exp(a[c] - maxA) / sa;
      if (p > 0) {
        soft -= p * ((z[c] - maxZ) / t - lseT);
      }
      if (grad != null) {
        grad[c] = t * (qT[c] - p) + o.hardWeight() * (q1[c] - (c == label ? 1 : 0));
      }
    }
    double hard = o.hardWeight() == 0 ? 0 : -Math.log(q1[label]);
    return t * t * soft + o.hardWeight() * hard;
  }

  private static double[] softmax(double[] z, double t) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      m = Math.max(m, v);
    }
    double[] e = new double[z.length];
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      e[i] = Math.exp((z[i] - m) / t);
      s += e[i];
    }
    for (int i = 0; i < z.length; i++) {
      e[i] /= s;
    }
    return e;
  }

  /**
   * The engine form: replaces a batch's logits by the per-frame gradients in one pass per row (both softmaxes
   * from one maximum, the soft targets scattered from their sparse form) and returns the mean loss.
   */
  public static DnnTrainer.OutputGradient gradient(SoftTargets targets, int[] labels, Options o) {
    return (logits, n) -> apply(logits, n, targets, labels, o);
  }

  static double apply(INDArray logits, int n, SoftTargets targets, int[] labels, Options o) {
    int cols = (int) logits.columns();
    boolean dbl = logits.dataType() == DataType.DOUBLE;
    float[] z = new float[n * cols];
    if (dbl) {
      DoublePointer p = (DoublePointer) logits.data().addressPointer();
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) p.get(i);
      }
    } else {
      ((FloatPointer) logits.data().addressPointer()).get(z, 0, z.length);
    }
    double t = o.temperature();
    double invT = 1.0 / t;
    double w = o.hardWeight();
    double total = 0;
    float[] eT = new float[cols];
    float[] zr = new float[cols];
    for (int r = 0; r < n; r++) {
      int off = r * cols;
      System.arraycopy(z, off, zr, 0, cols);
      float m = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < cols; c++) {
        m = Math.max(m, z[off + c]);
      }
      double s1 = 0;
      double sT = 0;
      for (int c = 0; c < cols; c++) {
        double d = z[off + c] - m;
        double e1 = Math.exp(d);
        double et = t == 1 ? e1 : Math.exp(d * invT);
        eT[c] = (float) et;
        s1 += e1;
        sT += et;
        z[off + c] = (float) e1;
      }
      double lse1 = Math.log(s1);
      double lseT = Math.log(sT);
      int y = labels[r];
      double hard = w == 0 ? 0 : -((zr[y] - m) - lse1);
      // soft targets over the teacher's set, and the tail's share per class
      int k = targets.size(r);
      double tail = k < cols ? targets.tailScore(r, t) * invT : Double.NaN;
      boolean hasTail = !Double.isNaN(tail);
      double maxA = hasTail ? tail : Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        maxA = Math.max(maxA, targets.score(r, i) * invT);
      }
      double sa = hasTail ? (cols - k) * Math.exp(tail - maxA) : 0;
      for (int i = 0; i < k; i++) {
        sa += Math.exp(targets.score(r, i) * invT - maxA);
      }
      double pTail = hasTail ? Math.exp(tail - maxA) / sa : 0;
      // gradient without the set's targets: T q_T + w q_1 - T pTail (every class), then per class of the set
      float a1 = (float) (w / s1);
      float aT = (float) (t / sT);
      float b = (float) (t * pTail);
      for (int c = 0; c < cols; c++) {
        z[off + c] = a1 * z[off + c] + aT * eT[c] - b;
      }
      double soft = 0;
      double setLogq = 0;
      for (int i = 0; i < k; i++) {
        int c = targets.classId(r, i);
        double p = Math.exp(targets.score(r, i) * invT - maxA) / sa;
        double logq = (zr[c] - m) * invT - lseT;
        soft -= p * logq;
        setLogq += logq;
        z[off + c] -= (float) (t * p - t * pTail);
      }
      if (hasTail) { // the tail's classes: every class's log q_T minus the set's
        double sumLogq = -cols * lseT;
        for (int c = 0; c < cols; c++) {
          sumLogq += (zr[c] - m) * invT;
        }
        soft -= pTail * (sumLogq - setLogq);
      }
      z[off + y] -= (float) w;
      total += t * t * soft + w * hard;
    }
    if (o.maxGradNorm() > 0) {
      double sq = 0;
      for (int i = 0; i < n * cols; i++) {
        sq += (double) z[i] * z[i];
      }
      double rms = Math.sqrt(sq / n);
      if (rms > o.maxGradNorm()) {
        float f = (float) (o.maxGradNorm() / rms);
        for (int i = 0; i < n * cols; i++) {
          z[i] *= f;
        }
      }
    }
    if (dbl) {
      DoublePointer p = (DoublePointer) logits.data().addressPointer();
      for (int i = 0; i < z.length; i++) {
        p.put(i, z[i]);
      }
    } else {
      ((FloatPointer) logits.data().addressPointer()).put(z, 0, z.length);
    }
    return total / n;
  }
}
