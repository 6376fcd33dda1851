package org.asrdistill.frontend.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {
  private static double worst(double x, double w) {
    double d = Math.abs(FastLog.log(x) - Math.log(x));
    assertTrue(d <= 1e-12, "x=" + x + ": " + FastLog.log(x) + " vs " + Math.log(x));
    return Math.max(w, d);
  }

  @Test
  void within1e12OfMathLogOverTheFeatureRange() {
    double w = 0;
    // log-uniform from FLT_EPSILON (the floor of every log in fbank/MFCC) to 1e38 (float max ~3.4e38)
    SplittableRandom r = new SplittableRandom(7);
    double lo = Math.log(Fbank.FLT_EPSILON);
    double hi = Math.log(1e38);
    for (int i = 0; i < 500_000; i++) {
      w = worst(Math.exp(lo + (hi - lo) * r.nextDouble()), w);
    }
    // around 1 (result near 0), at powers of two and at the sqrt(2) switch point of the mantissa
    for (int i = 0; i < 100_000; i++) {
      w = worst(1 + (r.nextDouble() - 0.5) * 1e-3, w);
    }
    double[] edges = {1.0, Math.sqrt(2), Math.sqrt(0.5), 2.0, 0.5, 1024.0, Fbank.FLT_EPSILON, Float.MAX_VALUE,
        Double.MIN_NORMAL, Double.MAX_VALUE};
    for (double e : edges) {
      for (double x : new double[] {e, Math.nextUp(e), Math.nextDown(e)}) {
        if (x > 0 && Double.isFinite(x)) {
          w = worst(x, w);
        }
      }
    }
    assertEquals(0.0, FastLog.log(1.0), 0.0, "exact at 1");
    System.out.println("FastLog max abs error vs Math.log: " + w);
  }

  @Test
  void specialValuesFollowMathLog() {
    double[] special = {0.0, -0.0, -1.0, Double.MIN_VALUE, Double.MIN_NORMAL / 3, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN};
    for (double x : special) {
      assertEquals(Math.log(x), FastLog.log(x), 0.0, "x=" + x);
    }
  }
}
