package org.asrdistill.kaldiio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNumbersTest {
  @Test
  void formatEqualsCPrintfOnTheGoldenTable() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        TextNumbersTest.class.getResourceAsStream("/textnumbers/formatg-7.tsv"), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        double v = Double.parseDouble(f[0]);
        String got = TextNumbers.format(v);
        if (!got.equals(f[1])) {
          mismatches.add(f[0] + ": printf " + f[1] + ", ours " + got);
        }
        n++;
      }
    }
    assertTrue(n > 10_000, "golden table too short: " + n);
    assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, e.g. " + mismatches.subList(0,
        Math.min(10, mismatches.size())));
  }

  @ParameterizedTest
  @CsvSource({"0.5, 3, 0.5", "123456, 3, 1.23e+05", "0.0001234, 2, 0.00012", "1e-5, 1, 1e-05",
      "-2.5, 1, -2", "-3.5, 1, -4", "1e100, 7, 1e+100"})
  void otherPrecisions(double v, int precision, String expected) {
    assertEquals(expected, TextNumbers.formatG(v, precision));
  }

  @Test
  void specialValuesAndBadPrecision() {
    assertEquals("nan", TextNumbers.format(Double.NaN));
    assertEquals("inf", TextNumbers.format(Double.POSITIVE_INFINITY));
    assertEquals("-inf", TextNumbers.format(Double.NEGATIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> TextNumbers.formatG(1, 0));
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "-1.5, -1.5", "+2e3, 2000", ".5, 0.5", "5., 5", "1E-2, 0.01", "-0, -0.0", "inf, Infinity",
      "-INF, -Infinity", "infinity, Infinity"})
  void parsesWhatStrtodAccepts(String text, double expected) {
    assertEquals(expected, TextNumbers.parseDouble(text));
  }

  @Test
  void parsesNan() {
    assertTrue(Double.isNaN(TextNumbers.parseDouble("nan")));
    assertTrue(Double.isNaN(TextNumbers.parseDouble("-NaN")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "-", ".", "e5", "1e", "1e+", "1f", "1d", "0x1p3", "Infinity1", "1.2.3",
      "1,5", "--1", "1 ", " 1", "NaN(1)", "\u0661"})
  void rejectsWhatStrtodDoesNot(String text) {
    assertThrows(NumberFormatException.class, () -> TextNumbers.parseDouble(text));
  }
}
