package org.asrdistill.decoder.lattice;

/**
 * Kaldi's LatticeWeight semiring on (graph cost, acoustic cost) pairs: times adds component-wise; plus
 * selects the pair of smaller total cost, ties going to the smaller graph cost (so it is a path semiring:
 * the better of two paths wins whole). Zero is (+inf, +inf), one is (0, 0). Weights are two floats; these
 * are the operations on them.
 */
public final class LatticeWeight {
  private LatticeWeight() {
  }

  /** Kaldi's Compare: 1 if (g1, a1) is better (plus would pick it), -1 if worse, 0 if equal. */
  public static int compare(double g1, double a1, double g2, double a2) {
    double f1 = g1 + a1;
    double f2 = g2 + a2;
    if (f1 < f2) {
      return 1;
    }
    if (f1 > f2) {
      return -1;
    }
    return Double.compare(g2, g1);
  }

  /** Scales a pair by Kaldi's 2x2 matrix [[lm, acoustic2lm], [lm2acoustic, acoustic]] (lattice-scale). */
  public static double[] scale(double g, double a, double[][] m) {
    if (g == Double.POSITIVE_INFINITY) {
      return new double[] {g, a};
    }
    return new double[] {m[0][0] * g + m[0][1] * a, m[1][0] * g + m[1][1] * a};
  }
}
