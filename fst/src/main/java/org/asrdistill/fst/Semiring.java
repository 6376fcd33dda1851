package org.asrdistill.fst;

/**
 * The two semirings over float weights that OpenFst calls {@code standard} (tropical: min, +) and
 * {@code log} (-log(e^-a + e^-b), +). Zero is +infinity and one is 0 in both. Arithmetic is done in double
 * and rounded to float by callers that store weights, as OpenFst stores floats.
 */
public enum Semiring {
  /** Tropical semiring: plus is min, times is +. OpenFst arc type {@code standard}. */
  TROPICAL("standard") {
    @Override
    public double plus(double a, double b) {
      return Math.min(a, b);
    }
  },
  /** Log semiring: plus is -log(e^-a + e^-b), times is +. OpenFst arc type {@code log}. */
  LOG("log") {
    @Override
    public double plus(double a, double b) {
      if (a == Double.POSITIVE_INFINITY) {
        return b;
      }
      if (b == Double.POSITIVE_INFINITY) {
        return a;
      }
      double m = Math.min(a, b);
      return m - Math.log1p(Math.exp(-Math.abs(a - b)));
    }
  };

  /** The semiring zero (+infinity): the weight of no path; a state with this final weight is not final. */
  public static final float ZERO = Float.POSITIVE_INFINITY;
  /** The semiring one (0). */
  public static final float ONE = 0f;
  /** OpenFst's default quantisation and convergence delta, 1/1024. */
  public static final float DEFAULT_DELTA = 1f / 1024f;

  private final String arcType;

  Semiring(String arcType) {
    this.arcType = arcType;
  }

  /** The semiring sum. */
  public abstract double plus(double a, double b);

  /** The semiring product (ordinary addition; zero absorbs). */
  public double times(double a, double b) {
    if (a == Double.POSITIVE_INFINITY || b == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return a + b;
  }

  /** Left division a / b (ordinary subtraction); dividing by zero is a caller mistake. */
  public double divide(double a, double b) {
    if (b == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("cannot divide by the semiring zero (+infinity); dividend: " + a);
    }
    if (a == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return a - b;
  }

  /** Whether the two weights are within {@code delta} of each other (zeros only equal zeros). */
  public static boolean approxEqual(double a, double b, double delta) {
    if (a == b) {
      return true;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return false;
    }
    return Math.abs(a - b) <= delta;
  }

  /** Whether the weight is the semiring zero. */
  public static boolean isZero(double w) {
    return w == Double.POSITIVE_INFINITY;
  }

  /** Whether the semiring has the path property (plus selects one of its arguments): tropical only. */
  public boolean hasPathProperty() {
    return this == TROPICAL;
  }

  /** The OpenFst arc type name: {@code standard} or {@code log}. */
  public String arcType() {
    return arcType;
  }

  /** The semiring of an OpenFst arc type name ({@code standard}/{@code tropical} or {@code log}). */
  public static Semiring ofArcType(String arcType) {
    switch (arcType) {
      case "standard":
      case "tropical":
        return TROPICAL;
      case "log":
        return LOG;
      default:
        throw new IllegalArgumentException("arc type must be standard or log; got: " + arcType);
    }
  }
}
