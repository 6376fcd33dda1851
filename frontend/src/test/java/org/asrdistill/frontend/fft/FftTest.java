package org.asrdistill.frontend.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FFTs against a direct O(n^2) DFT in double precision. */
class FftTest {
  private static double[][] dft(double[] re, double[] im) {
    int n = re.length;
    double[][] out = new double[2][n];
    for (int k = 0; k < n; k++) {
      double sr = 0;
      double si = 0;
      for (int j = 0; j < n; j++) {
        double a = -2 * Math.PI * ((long) j * k % n) / n;
        sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
        si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
      }
      out[0][k] = sr;
      out[1][k] = si;
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 8, 12, 16, 32, 64, 100, 128, 200, 256, 512, 1000, 1024})
  void complexMatchesDirectDft(int n) {
    Random r = new Random(n);
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = r.nextGaussian();
      im[i] = r.nextGaussian();
    }
    double[][] want = dft(re, im);
    ComplexFft f = new ComplexFft(n);
    f.transform(re, im);
    for (int k = 0; k < n; k++) {
      assertEquals(want[0][k], re[k], 1e-9 * n, "re[" + k + "] n=" + n);
      assertEquals(want[1][k], im[k], 1e-9 * n, "im[" + k + "] n=" + n);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 6, 8, 16, 200, 256, 400, 512, 1024})
  void realPowerSpectrumMatchesDirectDft(int n) {
    Random r = new Random(n + 7);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1000 * r.nextGaussian();
    }
    double[][] want = dft(x.clone(), new double[n]);
    RealFft f = new RealFft(n).copy();
    double[] p = new double[n / 2 + 1];
    double[] outRe = new double[n / 2 + 1];
    double[] outIm = new double[n / 2 + 1];
    double[] before = x.clone();
    f.powerSpectrum(x, p);
    f.transform(x, outRe, outIm);
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(x), "input unchanged");
    for (int k = 0; k <= n / 2; k++) {
      double pw = want[0][k] * want[0][k] + want[1][k] * want[1][k];
      assertEquals(pw, p[k], 1e-9 * Math.max(1, pw), "power[" + k + "] n=" + n);
      assertEquals(want[0][k], outRe[k], 1e-6 * n, "re[" + k + "]");
      assertEquals(want[1][k], outIm[k], 1e-6 * n, "im[" + k + "]");
    }
  }

  /** Every lane of a block against the direct DFT, with a partly used block (lanes past {@code used} untouched). */
  @ParameterizedTest
  @ValueSource(ints = {2, 4, 6, 8, 16, 32, 200, 256, 400, 512, 1024})
  void lanePowerSpectraMatchDirectDft(int n) {
    int lanes = 11;
    int used = 9;
    Random r = new Random(n + 11);
    double[][] x = new double[n][lanes];
    double[][] cols = new double[used][n];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < lanes; l++) {
        x[i][l] = 1000 * r.nextGaussian();
        if (l < used) {
          cols[l][i] = x[i][l];
        }
      }
    }
    double[][] p = new double[n / 2 + 1][lanes];
    for (double[] row : p) {
      java.util.Arrays.fill(row, -1.0);
    }
    new LaneRealFft(n, lanes).copy().powerSpectrum(x, p, used);
    for (int l = 0; l < lanes; l++) {
      double[][] want = l < used ? dft(cols[l], new double[n]) : null;
      for (int k = 0; k <= n / 2; k++) {
        if (want == null) {
          assertEquals(-1.0, p[k][l], "lane " + l + " is past used and must be untouched");
          continue;
        }
        double pw = want[0][k] * want[0][k] + want[1][k] * want[1][k];
        assertEquals(pw, p[k][l], 1e-9 * Math.max(1, pw) + 1e-12 * n * n * 1e6, "power[" + k + "] lane " + l
            + " n=" + n);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, -4})
  void rejectsBadRealLengths(int n) {
    assertThrows(IllegalArgumentException.class, () -> new RealFft(n));
    assertThrows(IllegalArgumentException.class, () -> new LaneRealFft(n, 4));
  }
}
