package org.asrdistill.kaldiio.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.CompressedMatrix;
import org.asrdistill.kaldiio.matrix.CompressionMethod;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** scp ranges and the rspecifier options s, cs, o, p. */
class TableOptionsTest {
  @TempDir
  Path tmp;
  Path ark;
  Path scp;
  FloatMatrix m;

  @BeforeEach
  void writeTable() throws IOException {
    ark = tmp.resolve("m.ark");
    scp = tmp.resolve("m.scp");
    float[] d = new float[6 * 5];
    for (int i = 0; i < d.length; i++) {
      d[i] = i; // value = 5 * row + col
    }
    m = new FloatMatrix(6, 5, d);
    try (TableWriter<FloatMatrix> w = TableWriter.open("ark,scp:" + ark + "," + scp, Holders.FLOAT_MATRIX)) {
      for (String k : new String[] {"a", "b", "c", "d"}) {
        w.write(k, m);
      }
      w.commit();
    }
  }

  private String target(String key) throws IOException {
    for (String line : Files.readAllLines(scp)) {
      if (line.startsWith(key + " ")) {
        return line.substring(key.length() + 1);
      }
    }
    throw new IllegalStateException(key);
  }

  @ParameterizedTest(name = "[{0}] -> rows {1}..{2}, cols {3}..{4}")
  @CsvSource({"'0:2', 0, 3, 0, 5", "'1:4,2:3', 1, 5, 2, 4", "':,1:2', 0, 6, 1, 3", "'2:5,:', 2, 6, 0, 5",
      "'3:7', 3, 6, 0, 5", // Kaldi tolerates a row end up to 2 past the last row and clamps it
      "'5:5,4:4', 5, 6, 4, 5"})
  void rangesSelectRowsAndColumns(String range, int r0, int r1, int c0, int c1) throws IOException {
    Path ranged = tmp.resolve("r.scp");
    Files.writeString(ranged, "x " + target("b") + "[" + range + "]\ny " + target("c") + "\n");
    FloatMatrix expected = m.sub(r0, r1, c0, c1);
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("scp:" + ranged, Holders.FLOAT_MATRIX)) {
      assertEquals(expected, r.value("x"));
      assertEquals(m, r.value("y"));
    }
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open("scp:" + ranged, Holders.FLOAT_MATRIX)) {
      assertTrue(r.next());
      assertEquals(expected, r.value());
      assertTrue(r.next());
      assertEquals(m, r.value());
      assertFalse(r.next());
    }
    // The double holder and compressed storage take ranges too.
    try (RandomAccessTableReader<org.asrdistill.kaldiio.matrix.DoubleMatrix> r =
             RandomAccessTableReader.open("scp:" + ranged, Holders.DOUBLE_MATRIX)) {
      assertEquals(expected.toDouble(), r.value("x"));
    }
  }

  @ParameterizedTest
  @CsvSource({"'0:8'", "'0:2,0:5'", "'4:2'", "'6:6'", "'0:1,3:1'", "'a:b'", "'0:1,0:1,0:1'"})
  void badRangesAreFormatErrorsNamingTheScpLine(String range) throws IOException {
    Path ranged = tmp.resolve("r.scp");
    String first = "x " + target("a") + "\n";
    Files.writeString(ranged, first + "y " + target("b") + "[" + range + "]\n");
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> {
      try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open("scp:" + ranged, Holders.FLOAT_MATRIX)) {
        while (r.next()) {
          r.value();
        }
      }
    });
    assertEquals(ranged.toString(), e.source());
    assertEquals("y", e.key());
    assertEquals(first.length(), e.offset());
  }

  @Test
  void vectorRangesHaveOneDimension() throws IOException {
    Path vark = tmp.resolve("v.ark");
    Path vscp = tmp.resolve("v.scp");
    try (TableWriter<float[]> w = TableWriter.open("ark,scp:" + vark + "," + vscp, Holders.FLOAT_VECTOR)) {
      w.write("v", new float[] {0, 1, 2, 3, 4});
      w.commit();
    }
    String t = Files.readString(vscp).strip().substring(2);
    Path ranged = tmp.resolve("vr.scp");
    Files.writeString(ranged, "v1 " + t + "[1:3]\nv2 " + t + "[1:2,0:0]\n");
    try (RandomAccessTableReader<float[]> r = RandomAccessTableReader.open("scp:" + ranged, Holders.FLOAT_VECTOR)) {
      assertArrayEquals(new float[] {1, 2, 3}, r.value("v1"));
      assertThrows(KaldiFormatException.class, () -> r.value("v2"));
    }
  }

  @Test
  void rangesOnCompressedStorage() throws IOException {
    Path cark = tmp.resolve("c.ark");
    Path cscp = tmp.resolve("c.scp");
    CompressedMatrix c = CompressedMatrix.compress(m, CompressionMethod.TWO_BYTE_AUTO);
    try (TableWriter<CompressedMatrix> w = TableWriter.open("ark,scp:" + cark + "," + cscp, Holders.COMPRESSED_MATRIX)) {
      w.write("c", c);
      w.commit();
    }
    Path ranged = tmp.resolve("cr.scp");
    Files.writeString(ranged, "c " + Files.readString(cscp).strip().substring(2) + "[1:2,3:4]\n");
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("scp:" + ranged, Holders.FLOAT_MATRIX)) {
      assertEquals(c.toFloatMatrix().sub(1, 3, 3, 5), r.value("c"));
    }
  }

  @Test
  void sortedArchiveLookupStopsAtTheFirstLaterKey() throws IOException {
    // Garbage after "d": an s lookup of a missing key below "d" never reaches it; without s it must.
    Files.write(ark, BadInputTest.concat(Files.readAllBytes(ark), "zzz garbage!".getBytes()));
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("ark,s:" + ark, Holders.FLOAT_MATRIX)) {
      assertFalse(r.hasKey("bb"));
      assertTrue(r.hasKey("c"));
      assertFalse(r.hasKey("a0")); // already read past
      assertEquals(m, r.value("a"));
    }
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("ark:" + ark, Holders.FLOAT_MATRIX)) {
      assertThrows(KaldiFormatException.class, () -> r.hasKey("bb"));
    }
    // p: the bad tail ends the table instead.
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("ark,p:" + ark, Holders.FLOAT_MATRIX)) {
      assertFalse(r.hasKey("bb"));
      assertTrue(r.hasKey("d"));
    }
    List<String> keys = new ArrayList<>();
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open("ark,p:" + ark, Holders.FLOAT_MATRIX)) {
      while (r.next()) {
        keys.add(r.key());
      }
    }
    assertEquals(List.of("a", "b", "c", "d"), keys);
  }

  @Test
  void calledSortedAndOnceDropEntriesNoLongerNeeded() throws IOException {
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("ark,s,cs:" + ark, Holders.FLOAT_MATRIX)) {
      assertEquals(m, r.value("b"));
      assertEquals(m, r.value("d"));
      assertFalse(r.hasKey("a")); // called out of the promised order: gone
    }
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("ark,o:" + ark, Holders.FLOAT_MATRIX)) {
      assertEquals(m, r.value("c"));
      assertTrue(r.hasKey("a"));
      assertFalse(r.hasKey("c")); // read once: dropped
    }
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("scp,o:" + scp, Holders.FLOAT_MATRIX)) {
      assertEquals(m, r.value("c"));
      assertThrows(NoSuchElementException.class, () -> r.value("c"));
    }
  }

  @Test
  void permissiveScpSkipsUnreadableEntries() throws IOException {
    Path bad = tmp.resolve("bad.scp");
    Files.writeString(bad, "a " + target("a") + "\nb " + tmp.resolve("missing.ark") + ":3\nc " + ark + ":1\nd "
        + target("d") + "\n");
    List<String> keys = new ArrayList<>();
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open("scp,p:" + bad, Holders.FLOAT_MATRIX)) {
      while (r.next()) {
        keys.add(r.key());
      }
    }
    assertEquals(List.of("a", "d"), keys);
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("scp,p:" + bad, Holders.FLOAT_MATRIX)) {
      assertTrue(r.hasKey("a"));
      assertFalse(r.hasKey("b"));
      assertFalse(r.hasKey("c"));
      assertThrows(NoSuchElementException.class, () -> r.value("c"));
      assertEquals(m, r.value("d"));
    }
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("scp:" + bad, Holders.FLOAT_MATRIX)) {
      assertTrue(r.hasKey("b")); // without p, listed is enough
      assertThrows(KaldiFormatException.class, () -> r.value("b"));
    }
  }

  @ParameterizedTest
  @CsvSource({"'ark,s,cs,o,p:x', ARCHIVE, true, true, true, true", "'scp,ns,ncs:x', SCRIPT, false, false, false, false",
      "'ark,t,b,bg:x', ARCHIVE, false, false, false, false"})
  void rspecifierOptions(String spec, Rspecifier.Type type, boolean sorted, boolean cs, boolean once, boolean p) {
    Rspecifier r = Rspecifier.parse(spec);
    assertEquals(type, r.type());
    assertEquals("x", r.filename());
    assertEquals(sorted, r.sorted());
    assertEquals(cs, r.calledSorted());
    assertEquals(once, r.once());
    assertEquals(p, r.permissive());
  }

  @ParameterizedTest
  @CsvSource({"'foo'", "'ark,scp:x'", "'zz:x'", "'t:x'"})
  void badRspecifiers(String spec) {
    assertThrows(IllegalArgumentException.class, () -> Rspecifier.parse(spec));
  }
}
