package org.asrdistill.frontend.features;

/**
 * Natural logarithm of positive finite doubles for feature output that is stored as float: about 3x
 * cheaper than {@link Math#log} and within 1e-12 of it in absolute terms (and 1e-12 relative for results
 * away from 0), far below float rounding of the stored value (~6e-8 relative). FastLogTest checks the
 * bound over the whole range of magnitudes a feature can take.
 *
 * <p>Method: x = m * 2^e with m in [sqrt(1/2), sqrt(2)) taken from the IEEE bits; log x = e ln 2 + log m,
 * log m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.1716, summed as the odd series up to s^13
 * (truncation < 5e-13).
 */
final class FastLog {
  private static final double LN2 = 0.6931471805599453;
  private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
  private static final long ONE_BITS = 0x3FF0000000000000L;
  /** Mantissa bits of sqrt(2): mantissas at or above it are halved (exponent + 1). */
  private static final long SQRT2_MANTISSA = Double.doubleToRawLongBits(Math.sqrt(2.0)) & MANTISSA;

  private FastLog() {
  }

  /** ln(x) for normal positive finite x (callers floor x at FLT_EPSILON or above); else Math.log. */
  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    long exp = bits >>> 52; // sign bit is 0 for the positive inputs handled here
    if (exp == 0 || exp >= 0x7FF || bits < 0) {
      return Math.log(x); // zero, subnormal, negative, infinite, NaN: the exact rules of Math.log
    }
    long mant = bits & MANTISSA;
    int e = (int) exp - 1023;
    if (mant >= SQRT2_MANTISSA) {
      e++;
      mant |= 0x3FE0000000000000L; // m / 2 in [sqrt(1/2), 1)
    } else {
      mant |= ONE_BITS; // m in [1, sqrt(2))
    }
    double m = Double.longBitsToDouble(mant);
    double s = (m - 1.0) / (m + 1.0);
    double z = s * s;
    double p = 2.0 / 13;
    p = p * z + 2.0 / 11;
    p = p * z + 2.0 / 9;
    p = p * z + 2.0 / 7;
    p = p * z + 2.0 / 5;
    p = p * z + 2.0 / 3;
    p = p * z + 2.0;
    return e * LN2 + s * p;
  }
}
