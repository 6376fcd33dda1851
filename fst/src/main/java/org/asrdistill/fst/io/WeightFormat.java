package org.asrdistill.fst.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats floats as OpenFst's text output does (C++ ostream default notation, precision 9, like
 * printf("%.9g") with trailing zeros removed; +infinity as {@code Infinity}), and parses weights.
 */
public final class WeightFormat {
  private WeightFormat() {
  }

  /** Formats w with 9 significant digits in C++ default notation. */
  public static String format(float w) {
    return format(w, 9);
  }

  /** Formats w with the given number of significant digits in C++ default (%g) notation. */
  public static String format(double w, int precision) {
    if (w == Double.POSITIVE_INFINITY) {
      return "Infinity";
    }
    if (w == Double.NEGATIVE_INFINITY) {
      return "-Infinity";
    }
    if (Double.isNaN(w)) {
      return "BadNumber";
    }
    if (w == 0) {
      return (1 / w < 0) ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(w).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= precision) {
      BigDecimal mant = d.movePointLeft(exp);
      String m = strip(mant.toPlainString());
      return m + (exp < 0 ? "e-" : "e+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    return strip(d.toPlainString());
  }

  private static String strip(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** Parses a weight as OpenFst does: a float, or Infinity / inf for the zero weight. */
  public static float parse(String s) {
    switch (s) {
      case "Infinity":
      case "inf":
      case "+inf":
      case "INF":
        return Float.POSITIVE_INFINITY;
      default:
        break;
    }
    if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.charAt(s.length() - 1) == '.')) {
      throw new NumberFormatException("bad weight: '" + s + "'");
    }
    float f = Float.parseFloat(s);
    if (Float.isNaN(f) || f == Float.NEGATIVE_INFINITY) {
      throw new NumberFormatException("bad weight: '" + s + "'");
    }
    return f;
  }
}
