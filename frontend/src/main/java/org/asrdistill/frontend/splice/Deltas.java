package org.asrdistill.frontend.splice;

import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Delta and higher-order delta features (Kaldi's {@code DeltaFeatures}): order i is the (i-fold) regression
 * over +-window frames, frame indices clamped at the edges. Output is T x D(order+1).
 */
public final class Deltas {
  private final DeltaOptions opts;
  private final double[][] scales; // scales[i] has length 2*i*window + 1, centred

  public Deltas(DeltaOptions opts) {
    this.opts = opts;
    scales = new double[opts.order() + 1][];
    scales[0] = new double[] {1.0};
    int w = opts.window();
    for (int i = 1; i <= opts.order(); i++) {
      double[] prev = scales[i - 1];
      int prevOff = (prev.length - 1) / 2;
      int curOff = prevOff + w;
      double[] cur = new double[prev.length + 2 * w];
      double norm = 0;
      for (int j = -w; j <= w; j++) {
        norm += j * j;
        for (int k = -prevOff; k <= prevOff; k++) {
          cur[j + k + curOff] += j * prev[k + prevOff];
        }
      }
      for (int k = 0; k < cur.length; k++) {
        cur[k] /= norm;
      }
      scales[i] = cur;
    }
  }

  /** The regression coefficients of order i (a copy), centred: index (len-1)/2 is the current frame. */
  public double[] scales(int order) {
    return scales[order].clone();
  }

  public FloatMatrix compute(FloatMatrix in) {
    int t = in.rows();
    int d = in.cols();
    int outDim = d * (opts.order() + 1);
    float[] out = new float[Math.multiplyExact(t, outDim)];
    float[] src = in.data();
    double[] acc = new double[d];
    for (int r = 0; r < t; r++) {
      for (int i = 0; i <= opts.order(); i++) {
        double[] s = scales[i];
        int max = (s.length - 1) / 2;
        java.util.Arrays.fill(acc, 0.0);
        for (int j = -max; j <= max; j++) {
          double sc = s[j + max];
          if (sc == 0.0) {
            continue;
          }
          int f = Math.max(0, Math.min(t - 1, r + j)) * d;
          for (int k = 0; k < d; k++) {
            acc[k] += sc * src[f + k];
          }
        }
        int o = r * outDim + i * d;
        for (int k = 0; k < d; k++) {
          out[o + k] = (float) acc[k];
        }
      }
    }
    return new FloatMatrix(t, outDim, out);
  }
}
