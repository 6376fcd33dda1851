package org.asrdistill.fst.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.asrdistill.fst.ConstFst;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.FstFormatException;
import org.asrdistill.fst.RandomFsts;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.fst.VectorFst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary and text I/O: round trips, files written by OpenFst, and (live) OpenFst reading our files. */
class OpenFstBinaryTest {
  @TempDir
  Path dir;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OpenFstBinaryTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static String print(Fst f, boolean symbols) throws IOException {
    StringWriter w = new StringWriter();
    AttText.print(f, w, new AttText.PrintOptions(symbols ? f.inputSymbols() : null,
        symbols ? f.outputSymbols() : null, false, false));
    return w.toString();
  }

  @Test
  void readsVectorAndConstWrittenByOpenFst() throws IOException {
    String expected = new String(resource("openfst-vector.txt"), StandardCharsets.UTF_8);
    OpenFstBinary.Loaded v = OpenFstBinary.read(new ByteArrayInputStream(resource("openfst-vector.fst")), "v");
    assertEquals("vector", v.header().fstType());
    assertEquals(Semiring.TROPICAL, v.fst().semiring());
    assertEquals(expected, print(v.fst(), true));
    assertEquals("syms.txt", v.fst().inputSymbols().name());
    OpenFstBinary.Loaded c = OpenFstBinary.read(new ByteArrayInputStream(resource("openfst-const-log.fst")), "c");
    assertEquals("const", c.header().fstType());
    assertEquals(Semiring.LOG, c.fst().semiring());
    assertEquals(expected, print(c.fst(), true));
  }

  @Test
  void writesBytesIdenticalToOpenFstExceptProperties() throws IOException {
    for (String name : new String[] {"openfst-vector.fst", "openfst-const-log.fst"}) {
      byte[] theirs = resource(name);
      OpenFstBinary.Loaded l = OpenFstBinary.read(new ByteArrayInputStream(theirs), name);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OpenFstBinary.write(l.fst(), out, l.header().fstType());
      byte[] ours = out.toByteArray();
      assertEquals(theirs.length, ours.length, name);
      // The properties word (8 bytes after magic, two strings, version and flags) may differ in unknown bits.
      int propsAt = 4 + 4 + l.header().fstType().length() + 4 + l.header().arcType().length() + 8;
      for (int i = 0; i < 8; i++) {
        theirs[propsAt + i] = 0;
        ours[propsAt + i] = 0;
      }
      assertArrayEquals(theirs, ours, name);
    }
  }

  @Test
  void roundTripsRandomFstsThroughBothTypes() throws IOException {
    Random rnd = new Random(5);
    for (int i = 0; i < 50; i++) {
      VectorFst f = RandomFsts.random(rnd, new RandomFsts.Shape(i % 2 == 0 ? Semiring.TROPICAL : Semiring.LOG, 8,
          12, 4, false, i % 3 == 0, 0.2, false));
      if (i % 5 == 0) {
        SymbolTable t = new SymbolTable("t");
        for (int k = 0; k <= 6; k++) {
          t.addSymbol("s" + k);
        }
        f.setInputSymbols(t);
        f.setOutputSymbols(t);
      }
      for (String type : new String[] {"vector", "const"}) {
        Path p = dir.resolve(i + type);
        OpenFstBinary.write(f, p, type);
        Fst g = OpenFstBinary.read(p);
        assertEquals(print(f, false), print(g, false));
        assertEquals(f.inputSymbols(), g.inputSymbols());
        assertEquals(type.equals("const"), g instanceof ConstFst);
      }
      VectorFst h = AttText.compile(new StringReader(print(f, false)), "t", f.semiring(),
          new AttText.CompileOptions(null, null, false, true));
      assertEquals(print(f, false), print(h, false));
    }
  }

  @Test
  void corruptInputNamesSourceAndOffset() throws IOException {
    byte[] b = resource("openfst-vector.fst");
    FstFormatException e = assertThrows(FstFormatException.class,
        () -> OpenFstBinary.read(new ByteArrayInputStream(java.util.Arrays.copyOf(b, b.length - 3)), "cut.fst"));
    assertTrue(e.getMessage().contains("cut.fst") && e.getMessage().contains("byte offset"), e.getMessage());
    b[0] = 1;
    assertThrows(FstFormatException.class, () -> OpenFstBinary.read(new ByteArrayInputStream(b), "bad.fst"));
  }

  @Test
  void weightsFormattedAsOpenFst() {
    assertEquals("0.333333343", WeightFormat.format(1f / 3));
    assertEquals("1e+10", WeightFormat.format(1e10f));
    assertEquals("0.5", WeightFormat.format(0.5f));
    assertEquals("Infinity", WeightFormat.format(Float.POSITIVE_INFINITY));
    assertEquals("9.99999975e-06", WeightFormat.format(1e-5f));
    assertEquals("123456792", WeightFormat.format(123456789f));
  }

  private static boolean onPath(String tool) {
    for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(p, tool))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void openFstReadsWhatWeWrite() throws Exception {
    assumeTrue(onPath("fstprint"), "OpenFst tools not installed");
    OpenFstBinary.Loaded l = OpenFstBinary.read(new ByteArrayInputStream(resource("openfst-vector.fst")), "v");
    String expected = new String(resource("openfst-vector.txt"), StandardCharsets.UTF_8);
    for (String type : new String[] {"vector", "const"}) {
      Path p = dir.resolve("ours." + type);
      OpenFstBinary.write(l.fst(), p, type);
      Process pr = new ProcessBuilder("fstprint", p.toString()).redirectErrorStream(true).start();
      String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, pr.waitFor(), out);
      assertEquals(expected, out, type);
      Process info = new ProcessBuilder("fstinfo", p.toString()).redirectErrorStream(true).start();
      String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, info.waitFor(), text);
      assertTrue(text.contains("fst type                                          " + type), text);
    }
    assertTrue(Files.exists(dir.resolve("ours.const")));
  }
}
