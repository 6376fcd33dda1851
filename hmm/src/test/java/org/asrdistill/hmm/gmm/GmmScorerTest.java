package org.asrdistill.hmm.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class GmmScorerTest {
  @Test
  void flattenedScoringEqualsDiagGmm() {
    Random r = new Random(3);
    int dim = 13;
    List<DiagGmm> pdfs = new ArrayList<>();
    for (int p = 0; p < 7; p++) {
      int n = 1 + r.nextInt(5);
      float[] w = new float[n];
      float[] mu = new float[n * dim];
      float[] var = new float[n * dim];
      for (int m = 0; m < n; m++) {
        w[m] = 1f / n;
        for (int d = 0; d < dim; d++) {
          mu[m * dim + d] = (float) r.nextGaussian() * 3;
          var[m * dim + d] = 0.2f + r.nextFloat() * 3;
        }
      }
      pdfs.add(DiagGmm.fromMeansVars(w, new FloatMatrix(n, dim, mu), new FloatMatrix(n, dim, var)));
    }
    AmDiagGmm am = new AmDiagGmm(pdfs);
    GmmScorer s = new GmmScorer(am);
    float[] frames = new float[20 * dim];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = (float) r.nextGaussian() * 4;
    }
    float[] v = new float[2 * dim];
    float[] tmp = new float[s.maxGaussPerPdf()];
    for (int t = 0; t < 20; t++) {
      s.prepare(frames, t, v);
      float[] x = java.util.Arrays.copyOfRange(frames, t * dim, (t + 1) * dim);
      for (int p = 0; p < pdfs.size(); p++) {
        float want = am.logLikelihood(p, x);
        assertEquals(want, s.logLikelihood(p, v, tmp), 1e-4 * Math.max(1, Math.abs(want)), "frame " + t + " pdf " + p);
      }
    }
  }
}
