package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code copy-feats} on the Kaldi-written fixtures (kaldi-io/src/test/resources/kaldi-fixtures, see its
 * README.md) reproduces Kaldi's own output byte for byte.
 */
class CopyFeatsFixturesTest {
  @TempDir
  Path tmp;

  static Path fixture(String name) {
    Path module = Path.of(System.getProperty("basedir", "."));
    return module.resolve("../kaldi-io/src/test/resources/kaldi-fixtures").resolve(name).normalize();
  }

  @Test
  void textOutputToStdoutIsKaldisTextArchive() throws IOException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int rc;
    try (PrintStream ps = new PrintStream(captured, true)) {
      System.setOut(ps);
      rc = AsrDistill.execute("copy-feats", "ark:" + fixture("test.ark"), "ark,t:-");
    } finally {
      System.setOut(saved);
    }
    assertEquals(0, rc);
    assertArrayEquals(Files.readAllBytes(fixture("test.text.ark")), captured.toByteArray());
  }

  @ParameterizedTest(name = "--compression-method={0} gives {1}")
  @CsvSource({"1, test.cm1.ark", "3, test.cm3.ark", "5, test.cm5.ark"})
  void compressionIsByteExact(int method, String expected) throws IOException {
    Path out = tmp.resolve("out.ark");
    int rc = AsrDistill.execute("copy-feats", "--compress=true", "--compression-method=" + method,
        "ark:" + fixture("test.ark"), "ark:" + out);
    assertEquals(0, rc);
    assertArrayEquals(Files.readAllBytes(fixture(expected)), Files.readAllBytes(out));
  }
}
