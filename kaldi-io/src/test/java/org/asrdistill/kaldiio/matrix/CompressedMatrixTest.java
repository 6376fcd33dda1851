package org.asrdistill.kaldiio.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** All seven compression methods: the format each picks, its decode error bound, and binary round trips. */
class CompressedMatrixTest {
  static FloatMatrix data(CompressionMethod method, int rows, int cols, long seed) {
    Random rnd = new Random(seed);
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      switch (method) {
        case TWO_BYTE_SIGNED_INTEGER:
          d[i] = rnd.nextInt(65536) - 32768;
          break;
        case ONE_BYTE_UNSIGNED_INTEGER:
          d[i] = rnd.nextInt(256);
          break;
        case ONE_BYTE_ZERO_ONE:
          d[i] = rnd.nextFloat();
          break;
        default:
          d[i] = (float) (rnd.nextGaussian() * 3 + 1);
      }
    }
    return new FloatMatrix(rows, cols, d);
  }

  /**
   * Largest decode error the method allows for {@code m}: half a quantisation step, slightly more because
   * Kaldi rounds codes with {@code (int)(x + 0.499)}, so up to 0.501 of a step.
   */
  static double bound(CompressionMethod method, FloatMatrix m, int format) {
    double range = m.max() - m.min();
    switch (method) {
      case TWO_BYTE_SIGNED_INTEGER:
      case ONE_BYTE_UNSIGNED_INTEGER:
        return 0; // integers in range are exact
      case ONE_BYTE_ZERO_ONE:
        return 1.0 / 255 * 0.501;
      default:
        if (format == CompressedMatrix.FORMAT_TWO_BYTE) {
          return range / 65535 * 0.501;
        }
        if (format == CompressedMatrix.FORMAT_ONE_BYTE) {
          return range / 255 * 0.501;
        }
        // CM: per column, the widest segment is at most the column range over 63 steps (see
        // KaldiFixturesTest); the global range bounds every column range.
        return (range + 2 * range / 65535) / 63 / 2 + range / 65535;
    }
  }

  @ParameterizedTest
  @EnumSource(CompressionMethod.class)
  void decodesWithinTheMethodsErrorAndRoundTripsInBinary(CompressionMethod method) throws IOException {
    int[][] shapes = {{20, 7}, {9, 3}, {8, 5}, {3, 2}, {1, 1}, {4, 1}};
    for (int[] s : shapes) {
      FloatMatrix m = data(method, s[0], s[1], 31L * s[0] + s[1]);
      CompressedMatrix c = CompressedMatrix.compress(m, method);
      int expectedFormat;
      switch (method) {
        case AUTOMATIC:
          expectedFormat = s[0] > 8 ? CompressedMatrix.FORMAT_ONE_BYTE_COL_HEADERS : CompressedMatrix.FORMAT_TWO_BYTE;
          break;
        case SPEECH_FEATURE:
          expectedFormat = CompressedMatrix.FORMAT_ONE_BYTE_COL_HEADERS;
          break;
        case TWO_BYTE_AUTO:
        case TWO_BYTE_SIGNED_INTEGER:
          expectedFormat = CompressedMatrix.FORMAT_TWO_BYTE;
          break;
        default:
          expectedFormat = CompressedMatrix.FORMAT_ONE_BYTE;
      }
      assertEquals(expectedFormat, c.format(), method + " " + s[0] + "x" + s[1]);
      FloatMatrix d = c.toFloatMatrix();
      assertEquals(m.rows(), d.rows());
      assertEquals(m.cols(), d.cols());
      double b = bound(method, m, c.format());
      for (int i = 0; i < m.data().length; i++) {
        double err = Math.abs(m.data()[i] - d.data()[i]);
        // 2 float ulps of the largest magnitude cover the float arithmetic of the decoder.
        double slack = 2 * Math.ulp(Math.max(Math.abs(m.max()), Math.abs(m.min())));
        assertTrue(err <= b + slack, method + " " + s[0] + "x" + s[1] + " [" + i + "]: error " + err + " > " + b);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (KaldiOutput out = KaldiOutput.of("mem", bytes, ok -> { })) {
        c.write(out);
        out.commit();
      }
      try (KaldiInput in = KaldiInput.of("mem", bytes.toByteArray())) {
        String tok = in.readToken("token");
        assertEquals(c.token(), tok);
        CompressedMatrix back = CompressedMatrix.readAfterToken(in, tok);
        assertEquals(c, back);
        assertTrue(in.atEof());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(CompressionMethod.class)
  void emptyAndConstantMatrices(CompressionMethod method) {
    CompressedMatrix empty = CompressedMatrix.compress(new FloatMatrix(0, 0), method);
    assertEquals(0, empty.toFloatMatrix().rows());
    FloatMatrix constant = new FloatMatrix(10, 3, new float[30]);
    java.util.Arrays.fill(constant.data(), method == CompressionMethod.ONE_BYTE_ZERO_ONE ? 1f : 5f);
    FloatMatrix d = CompressedMatrix.compress(constant, method).toFloatMatrix();
    for (float v : d.data()) {
      assertEquals(constant.data()[0], v, 1e-3 * Math.max(1, Math.abs(constant.data()[0])) + 0.02, method.name());
    }
  }

  @ParameterizedTest
  @EnumSource(CompressionMethod.class)
  void codesAreKaldisNumbers(CompressionMethod method) {
    assertEquals(method, CompressionMethod.ofCode(method.code()));
    assertEquals(method.ordinal() + 1, method.code());
  }

  @org.junit.jupiter.api.Test
  void rejectsBadCodesAndNonFiniteValues() {
    assertThrows(IllegalArgumentException.class, () -> CompressionMethod.ofCode(0));
    assertThrows(IllegalArgumentException.class, () -> CompressionMethod.ofCode(8));
    FloatMatrix nan = new FloatMatrix(2, 2, new float[] {1, Float.NaN, 2, 3});
    assertThrows(IllegalArgumentException.class, () -> CompressedMatrix.compress(nan, CompressionMethod.AUTOMATIC));
  }
}
