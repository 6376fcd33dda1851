package org.asrdistill.decoder.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactLatticeHolderTest {
  @TempDir
  Path dir;

  static CompactLattice sample() {
    CompactLattice c = new CompactLattice();
    c.addState();
    c.addState();
    c.addState();
    c.setStart(0);
    c.addArc(0, 7, 1.5f, 12.25f, new int[] {3, 3, 4}, 1);
    c.addArc(0, 8, 2.125f, 10f, new int[] {5}, 1);
    c.addArc(1, 9, 0f, 0f, new int[0], 2);
    c.setFinal(2, 0.5f, 1f / 3f, new int[] {6, 6});
    return c;
  }

  private static void assertSame(CompactLattice a, CompactLattice b) {
    assertEquals(a.numStates(), b.numStates());
    assertEquals(a.start(), b.start());
    for (int s = 0; s < a.numStates(); s++) {
      assertEquals(a.numArcs(s), b.numArcs(s));
      assertEquals(a.isFinal(s), b.isFinal(s));
      if (a.isFinal(s)) {
        assertEquals(a.finalGraph(s), b.finalGraph(s), 1e-5);
        assertEquals(a.finalAcoustic(s), b.finalAcoustic(s), 1e-5);
        assertArrayEquals(a.finalString(s), b.finalString(s));
      }
      for (int k = 0; k < a.numArcs(s); k++) {
        assertEquals(a.label(s, k), b.label(s, k));
        assertEquals(a.nextState(s, k), b.nextState(s, k));
        assertEquals(a.graph(s, k), b.graph(s, k), 1e-5);
        assertEquals(a.acoustic(s, k), b.acoustic(s, k), 1e-5);
        assertArrayEquals(a.string(s, k), b.string(s, k));
      }
    }
  }

  private CompactLattice roundTrip(String wspec) throws IOException {
    Path f = dir.resolve("lat.ark");
    try (TableWriter<CompactLattice> w = TableWriter.open(wspec + f, CompactLatticeHolder.INSTANCE)) {
      w.write("utt1", sample());
      w.write("utt2", sample());
      w.commit();
    }
    try (SequentialTableReader<CompactLattice> r = SequentialTableReader.open("ark:" + f,
        CompactLatticeHolder.INSTANCE)) {
      assertTrue(r.next());
      assertEquals("utt1", r.key());
      CompactLattice c = r.value();
      assertTrue(r.next());
      assertEquals("utt2", r.key());
      assertSame(sample(), r.value());
      return c;
    }
  }

  @Test
  void textFormatIsKaldis() throws IOException {
    assertSame(sample(), roundTrip("ark,t:"));
    String text = Files.readString(dir.resolve("lat.ark"), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("utt1 \n0\t1\t7\t1.5,12.25,3_3_4\n0\t1\t8\t2.125,10,5\n1\t2\t9\n2\t0.5,0.333333,6_6\n\nutt2 \n"),
        text);
  }

  @Test
  void binaryRoundTrip() throws IOException {
    assertSame(sample(), roundTrip("ark:"));
    byte[] b = Files.readAllBytes(dir.resolve("lat.ark"));
    assertEquals((byte) 0xD6, b[5]); // "utt1 " then the OpenFst magic, little-endian
    assertTrue(new String(b, StandardCharsets.ISO_8859_1).contains("compactlattice44"));
  }

  @Test
  void corruptTextNamesTheProblem() throws IOException {
    Path f = dir.resolve("bad.ark");
    Files.writeString(f, "utt1 \n0\t1\tx\n\n");
    IOException e = assertThrows(IOException.class, () -> {
      try (SequentialTableReader<CompactLattice> r = SequentialTableReader.open("ark:" + f,
          CompactLatticeHolder.INSTANCE)) {
        r.next();
        r.value();
      }
    });
    assertTrue(e.getMessage().contains("bad line"), e.getMessage());
  }
}
