package org.asrdistill.acoustic.gmm;

import java.util.Random;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/** Seeded synthetic data for tests. */
final class Synthetic {
  private Synthetic() {
  }

  /** Frames from a diagonal GMM given by weights, means and standard deviations (rows per component). */
  static FloatMatrix fromGmm(Random rng, int frames, double[] w, double[][] mean, double[][] sd) {
    int dim = mean[0].length;
    float[] d = new float[frames * dim];
    for (int t = 0; t < frames; t++) {
      double u = rng.nextDouble();
      int c = 0;
      while (c < w.length - 1 && u > w[c]) {
        u -= w[c];
        c++;
      }
      for (int k = 0; k < dim; k++) {
        d[t * dim + k] = (float) (mean[c][k] + sd[c][k] * rng.nextGaussian());
      }
    }
    return new FloatMatrix(frames, dim, d);
  }
}
