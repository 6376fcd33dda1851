package org.asrdistill.frontend.cmvn;

import java.util.function.Consumer;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/** Sliding-window cepstral mean (and variance) normalisation, Kaldi's {@code SlidingWindowCmn}. */
public final class SlidingCmn {
  private SlidingCmn() {
  }

  /**
   * Returns the normalised features (input unchanged); running sums in double precision. O(T x D).
   *
   * @param warn receives variance-flooring warnings (may be null)
   */
  public static FloatMatrix apply(SlidingCmnOptions o, FloatMatrix input, Consumer<String> warn) {
    int n = input.rows();
    int dim = input.cols();
    if (n == 0) {
      throw new IllegalArgumentException("sliding CMN needs at least one frame; got: 0");
    }
    float[] in = input.data();
    float[] out = new float[in.length];
    double[] sum = new double[dim];
    double[] sumsq = new double[dim];
    int lastStart = -1;
    int lastEnd = -1;
    int warnings = 0;
    for (int t = 0; t < n; t++) {
      int start;
      int end; // one past the window
      if (o.center()) {
        start = t - o.cmnWindow() / 2;
        end = start + o.cmnWindow();
      } else {
        start = t - o.cmnWindow();
        end = t + 1;
      }
      if (start < 0) {
        end -= start;
        start = 0;
      }
      if (!o.center() && end > t) {
        end = Math.max(t + 1, o.minWindow());
      }
      if (end > n) {
        start -= end - n;
        end = n;
        if (start < 0) {
          start = 0;
        }
      }
      if (lastStart < 0) {
        for (int r = start; r < end; r++) {
          add(in, r, dim, sum, sumsq, 1.0, o.normVars());
        }
      } else {
        if (start > lastStart) {
          add(in, lastStart, dim, sum, sumsq, -1.0, o.normVars());
        }
        if (end > lastEnd) {
          add(in, lastEnd, dim, sum, sumsq, 1.0, o.normVars());
        }
      }
      lastStart = start;
      lastEnd = end;
      int frames = end - start;
      int row = t * dim;
      int floored = 0;
      for (int d = 0; d < dim; d++) {
        double v = in[row + d] - sum[d] / frames;
        if (o.normVars()) {
          if (frames == 1) {
            v = 0.0;
          } else {
            double var = sumsq[d] / frames - sum[d] * sum[d] / ((double) frames * frames);
            if (var < 1.0e-10) {
              var = 1.0e-10;
              floored++;
            }
            v /= Math.sqrt(var);
          }
        }
        out[row + d] = (float) v;
      }
      if (floored > 0 && n > 1 && warn != null) {
        if (o.maxWarnings() == warnings) {
          warn.accept("Suppressing the remaining variance flooring warnings. Run program with "
              + "--max-warnings=-1 to see all warnings.");
        } else if (o.maxWarnings() < 0 || o.maxWarnings() > warnings) {
          warn.accept("Flooring when normalizing variance, floored " + floored + " elements; num-frames was "
              + frames);
        }
        warnings++;
      }
    }
    return new FloatMatrix(n, dim, out);
  }

  private static void add(float[] in, int r, int dim, double[] sum, double[] sumsq, double sign, boolean sq) {
    int row = r * dim;
    for (int d = 0; d < dim; d++) {
      double v = in[row + d];
      sum[d] += sign * v;
      if (sq) {
        sumsq[d] += sign * v * v;
      }
    }
  }
}
