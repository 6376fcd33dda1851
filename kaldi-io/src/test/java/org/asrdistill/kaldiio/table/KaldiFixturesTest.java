package org.asrdistill.kaldiio.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asrdistill.kaldiio.matrix.CompressedMatrix;
import org.asrdistill.kaldiio.matrix.CompressionMethod;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Archives written by Kaldi itself (see resources/kaldi-fixtures/README.md) are read and written exactly. */
class KaldiFixturesTest {
  @TempDir
  Path tmp;

  static Path fixture(String name) {
    try {
      return Path.of(KaldiFixturesTest.class.getResource("/kaldi-fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, FloatMatrix> readAll(String rspecifier) throws IOException {
    Map<String, FloatMatrix> out = new LinkedHashMap<>();
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(rspecifier, Holders.FLOAT_MATRIX)) {
      while (r.next()) {
        out.put(r.key(), r.value());
      }
    }
    return out;
  }

  @Test
  void binaryArchiveHasTheValuesOfKaldisTextArchive() throws IOException {
    Map<String, FloatMatrix> bin = readAll("ark:" + fixture("test.ark"));
    Map<String, FloatMatrix> text = readAll("ark:" + fixture("test.text.ark"));
    assertEquals(java.util.List.of("test0", "test1", "test2"), java.util.List.copyOf(bin.keySet()));
    assertEquals(bin.keySet(), text.keySet());
    for (String k : bin.keySet()) {
      assertEquals(10, bin.get(k).rows());
      assertEquals(20, bin.get(k).cols());
      // Kaldi's text has 7 significant digits: the binary value printed that way is exactly the text value.
      float[] b = bin.get(k).data();
      float[] t = text.get(k).data();
      for (int i = 0; i < b.length; i++) {
        float expected = Float.parseFloat(org.asrdistill.kaldiio.io.TextNumbers.format(b[i]));
        assertEquals(expected, t[i], 0f, k + "[" + i + "]");
      }
    }
  }

  @Test
  void writingTheBinaryArchiveAsTextReproducesKaldisTextByteForByte() throws IOException {
    Path out = tmp.resolve("out.text.ark");
    copy("ark:" + fixture("test.ark"), "ark,t:" + out, null);
    assertArrayEquals(Files.readAllBytes(fixture("test.text.ark")), Files.readAllBytes(out));
  }

  @ParameterizedTest(name = "method {0} -> {1}")
  @CsvSource({"1, test.cm1.ark", "3, test.cm3.ark", "5, test.cm5.ark"})
  void compressionReproducesKaldisArchivesByteForByte(int method, String expected) throws IOException {
    Path out = tmp.resolve("out.ark");
    copy("ark:" + fixture("test.ark"), "ark:" + out, CompressionMethod.ofCode(method));
    assertArrayEquals(Files.readAllBytes(fixture(expected)), Files.readAllBytes(out));
  }

  @ParameterizedTest(name = "{0} passes through unchanged")
  @CsvSource({"test.cm1.ark", "test.cm3.ark", "test.cm5.ark"})
  void compressedArchivesPassThroughTheCompressedHolderUnchanged(String name) throws IOException {
    Path out = tmp.resolve("pass.ark");
    try (SequentialTableReader<CompressedMatrix> r =
             SequentialTableReader.open("ark:" + fixture(name), Holders.COMPRESSED_MATRIX);
         TableWriter<CompressedMatrix> w = TableWriter.open("ark:" + out, Holders.COMPRESSED_MATRIX)) {
      while (r.next()) {
        w.write(r.key(), r.value());
      }
      w.commit();
    }
    assertArrayEquals(Files.readAllBytes(fixture(name)), Files.readAllBytes(out));
  }

  @ParameterizedTest(name = "{0} ({1}) decodes within its quantisation error")
  @CsvSource({"test.cm1.ark, CM", "test.cm3.ark, CM2", "test.cm5.ark, CM3"})
  void compressedArchivesDecodeWithinQuantisationError(String name, String token) throws IOException {
    Map<String, FloatMatrix> exact = readAll("ark:" + fixture("test.ark"));
    Map<String, FloatMatrix> decoded = readAll("ark:" + fixture(name));
    byte[] raw = Files.readAllBytes(fixture(name));
    assertTrue(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\0B" + token + " "));
    assertEquals(exact.keySet(), decoded.keySet());
    for (String k : exact.keySet()) {
      FloatMatrix e = exact.get(k);
      FloatMatrix d = decoded.get(k);
      assertEquals(e.rows(), d.rows());
      assertEquals(e.cols(), d.cols());
      double range = e.max() - e.min();
      for (int c = 0; c < e.cols(); c++) {
        double bound;
        if (token.equals("CM2")) {
          bound = range / 65535 * 0.501; // Kaldi rounds codes with (int)(x + 0.499)
        } else if (token.equals("CM3")) {
          bound = range / 255 * 0.501;
        } else {
          // CM: each column is coded between its quantised 0/25/75/100 percentiles; the widest of the three
          // segments (64, 128 and 63 steps) is at most the column range over 63 steps, and each percentile
          // is itself within half a uint16 step of the global range.
          float lo = Float.POSITIVE_INFINITY;
          float hi = Float.NEGATIVE_INFINITY;
          for (int r = 0; r < e.rows(); r++) {
            lo = Math.min(lo, e.get(r, c));
            hi = Math.max(hi, e.get(r, c));
          }
          bound = (hi - lo + 2 * range / 65535) / 63 / 2 + range / 65535;
        }
        for (int r = 0; r < e.rows(); r++) {
          double err = Math.abs(e.get(r, c) - d.get(r, c));
          assertTrue(err <= bound + 1e-6, k + "[" + r + "," + c + "] error " + err + " > " + bound);
        }
      }
    }
  }

  private static void copy(String in, String out, CompressionMethod method) throws IOException {
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(in, Holders.FLOAT_MATRIX);
         TableWriter<FloatMatrix> plain = method == null ? TableWriter.open(out, Holders.FLOAT_MATRIX) : null;
         TableWriter<CompressedMatrix> packed = method != null ? TableWriter.open(out, Holders.COMPRESSED_MATRIX)
             : null) {
      while (r.next()) {
        if (method == null) {
          plain.write(r.key(), r.value());
        } else {
          packed.write(r.key(), CompressedMatrix.compress(r.value(), method));
        }
      }
      if (method == null) {
        plain.commit();
      } else {
        packed.commit();
      }
    }
  }
}
