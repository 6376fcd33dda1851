package org.asrdistill.distill.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class EnsembleTest {
  private static FloatMatrix logSoftmax(Random r, int rows, int cols) {
    float[] d = new float[rows * cols];
    for (int t = 0; t < rows; t++) {
      double s = 0;
      double[] z = new double[cols];
      for (int c = 0; c < cols; c++) {
        z[c] = r.nextGaussian() * 3;
        s += Math.exp(z[c]);
      }
      for (int c = 0; c < cols; c++) {
        d[t * cols + c] = (float) (z[c] - Math.log(s));
      }
    }
    return new FloatMatrix(rows, cols, d);
  }

  @Test
  void arithmeticAndGeometricMeansMatchTheirDefinitions() {
    Random r = new Random(9);
    List<FloatMatrix> lp = List.of(logSoftmax(r, 4, 6), logSoftmax(r, 4, 6), logSoftmax(r, 4, 6));
    FloatMatrix a = Ensemble.combine(lp, 6, Ensemble.Combination.ARITHMETIC);
    FloatMatrix g = Ensemble.combine(lp, 6, Ensemble.Combination.GEOMETRIC);
    for (int t = 0; t < 4; t++) {
      double gs = 0;
      double[] gm = new double[6];
      for (int c = 0; c < 6; c++) {
        double mean = 0;
        double logMean = 0;
        for (FloatMatrix x : lp) {
          mean += Math.exp(x.data()[t * 6 + c]) / 3;
          logMean += x.data()[t * 6 + c] / 3.0;
        }
        assertEquals(Math.log(mean), a.data()[t * 6 + c], 1e-5);
        gm[c] = Math.exp(logMean);
        gs += gm[c];
      }
      for (int c = 0; c < 6; c++) {
        assertEquals(Math.log(gm[c] / gs), g.data()[t * 6 + c], 1e-5);
      }
    }
  }
}
