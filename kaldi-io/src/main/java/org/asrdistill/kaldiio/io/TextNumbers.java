package org.asrdistill.kaldiio.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Locale-independent number text as Kaldi's C++ streams read and write it: {@code %.7g}-style output
 * (C++ default float notation at precision 7) and strict decimal parsing.
 */
public final class TextNumbers {
  private TextNumbers() {
  }

  /** Formats as C's {@code printf("%.{precision}g", value)} does, independent of the default locale. */
  public static String formatG(double value, int precision) {
    if (precision < 1) {
      throw new IllegalArgumentException("precision must be >= 1; got: " + precision);
    }
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    BigDecimal r = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exp = r.precision() - r.scale() - 1;
    if (exp >= -4 && exp < precision) {
      BigDecimal fixed = r.setScale(Math.max(0, precision - 1 - exp), RoundingMode.HALF_EVEN);
      return stripZeros(fixed.toPlainString());
    }
    BigDecimal mant = r.movePointLeft(exp);
    String m = stripZeros(mant.toPlainString());
    int ae = Math.abs(exp);
    return m + (exp < 0 ? "e-" : "e+") + (ae < 10 ? "0" : "") + ae;
  }

  /** Kaldi's text precision (7 significant digits). */
  public static String format(double value) {
    return formatG(value, 7);
  }

  private static String stripZeros(String s) {
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

  /**
   * Parses a decimal number as C's strtod would accept it (optional sign, digits, point, exponent, and
   * {@code inf}/{@code nan} words); rejects Java-only forms such as {@code 1f}, {@code 0x1p3} or
   * {@code Infinity}.
   */
  public static double parseDouble(String s) {
    int n = s.length();
    if (n == 0) {
      throw new NumberFormatException("empty");
    }
    int i = 0;
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      i++;
    }
    String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
    if (rest.equals("inf") || rest.equals("infinity")) {
      return c0 == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (rest.equals("nan")) {
      return Double.NaN;
    }
    boolean digits = false;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits = true;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits = true;
      }
    }
    if (!digits) {
      throw new NumberFormatException(s);
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      boolean expDigits = false;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        expDigits = true;
      }
      if (!expDigits) {
        throw new NumberFormatException(s);
      }
    }
    if (i != n) {
      throw new NumberFormatException(s);
    }
    return Double.parseDouble(s);
  }
}
