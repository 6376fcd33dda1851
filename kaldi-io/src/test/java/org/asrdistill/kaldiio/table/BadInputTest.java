package org.asrdistill.kaldiio.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt input fails with a {@link KaldiFormatException} naming the file, the key and the exact byte offset
 * of the problem (the offsets below are worked out by hand from the bytes written).
 */
class BadInputTest {
  @TempDir
  Path tmp;

  /** Bytes of one binary float-matrix entry: key, space, \0B, "FM ", two int32 dims, then the data. */
  static byte[] fmEntry(String key, int rows, int cols, int valuesPresent) {
    ByteBuffer b = ByteBuffer.allocate(key.length() + 16 + 4 * valuesPresent).order(ByteOrder.LITTLE_ENDIAN);
    b.put((key + " ").getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 'B');
    b.put("FM ".getBytes(StandardCharsets.US_ASCII));
    b.put((byte) 4).putInt(rows).put((byte) 4).putInt(cols);
    for (int i = 0; i < valuesPresent; i++) {
      b.putFloat(i * 0.5f);
    }
    return b.array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  private Path file(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private Path file(String name, String text) throws IOException {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static <T> KaldiFormatException readFails(String rspecifier, Holder<T> holder) {
    return assertThrows(KaldiFormatException.class, () -> {
      try (SequentialTableReader<T> r = SequentialTableReader.open(rspecifier, holder)) {
        while (r.next()) {
          r.value();
        }
      }
    });
  }

  static void assertNames(KaldiFormatException e, String source, String key, long offset) {
    assertEquals(source, e.source(), e.getMessage());
    assertEquals(key, e.key(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().startsWith(source + ", key '" + key + "', byte offset " + offset + ": "),
        e.getMessage());
  }

  @Test
  void truncatedBinaryMatrixIsCaughtAtItsSizeField() throws IOException {
    byte[] first = fmEntry("k00", 2, 3, 6);
    byte[] cut = fmEntry("k01", 3, 4, 12);
    Path p = file("trunc.ark", concat(first, java.util.Arrays.copyOf(cut, cut.length - 7)));
    KaldiFormatException e = readFails("ark:" + p, Holders.FLOAT_MATRIX);
    // The dims of k01 start after "k01 \0BFM " (9 bytes) into its entry.
    assertNames(e, p.toString(), "k01", first.length + 9);
    assertTrue(e.problem().contains("needs 48 more bytes but only 41 remain"), e.problem());
  }

  @Test
  void truncatedBinaryMatrixOnAStreamIsCaughtWhereTheDataStops() throws IOException {
    byte[] cut = fmEntry("k00", 3, 4, 12);
    Path p = file("trunc.ark", java.util.Arrays.copyOf(cut, cut.length - 7));
    String pipe = "cat " + p + " |";
    KaldiFormatException e = readFails("ark:" + pipe, Holders.FLOAT_MATRIX);
    // Data starts at 19; 41 bytes remain, so 10 whole floats are read and the 11th (at 19 + 40) is short.
    assertNames(e, "pipe 'cat " + p + " |'", "k00", 19 + 40);
    assertTrue(e.problem().contains("2 of 12 values missing"), e.problem());
  }

  @Test
  void truncatedTextMatrixIsCaughtAtTheEnd() throws IOException {
    String text = "k00  [\n  1 2\n  3 4 ]\nk01  [\n  5 6\n  7";
    Path p = file("trunc.txt.ark", text);
    KaldiFormatException e = readFails("ark:" + p, Holders.FLOAT_MATRIX);
    assertNames(e, p.toString(), "k01", text.length());
    assertTrue(e.problem().contains("missing ']'"), e.problem());
  }

  @Test
  void truncatedIntVector() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 2 + 5 + 5 * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("ali ".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 'B');
    b.put((byte) 4).putInt(3).put((byte) 4).putInt(10).put((byte) 4).putInt(11);
    Path p = file("ali.ark", b.array());
    KaldiFormatException e = readFails("ark:" + p, Holders.INT32_VECTOR);
    assertNames(e, p.toString(), "ali", 6);
    assertTrue(e.problem().contains("needs 15 more bytes but only 10 remain"), e.problem());
  }

  @Test
  void wrongTokenIsCaughtWhereTheTokenStarts() throws IOException {
    byte[] good = fmEntry("k00", 1, 1, 1);
    byte[] bad = fmEntry("k01", 1, 1, 1);
    bad[7] = 'X'; // "FM" -> "FX"
    Path p = file("tok.ark", concat(good, bad));
    KaldiFormatException e = readFails("ark:" + p, Holders.FLOAT_MATRIX);
    assertNames(e, p.toString(), "k01", good.length + 6);
    assertTrue(e.problem().contains("expected token 'FM', found 'FX'"), e.problem());
  }

  @Test
  void vectorTokenWhereAMatrixIsExpected() throws IOException {
    Path p = file("fv.ark", "utt \0BFV \4\0\0\0\0");
    KaldiFormatException e = readFails("ark:" + p, Holders.FLOAT_MATRIX);
    assertNames(e, p.toString(), "utt", 6);
  }

  @Test
  void absurdDimensionsAreRejectedBeforeAllocation() throws IOException {
    Path huge = file("huge.ark", fmEntry("k00", 1 << 30, 1 << 30, 4));
    KaldiFormatException e = readFails("ark:" + huge, Holders.FLOAT_MATRIX);
    assertNames(e, huge.toString(), "k00", 9);
    assertTrue(e.problem().contains("absurd matrix dimensions 1073741824 x 1073741824"), e.problem());

    Path big = file("big.ark", fmEntry("k00", 100_000, 20_000, 4)); // 8 GB claimed, fits an int count
    long before = allocated();
    e = readFails("ark:" + big, Holders.FLOAT_MATRIX);
    assertTrue(allocated() - before < 8 << 20, "allocated " + (allocated() - before) + " bytes");
    assertNames(e, big.toString(), "k00", 9);
    assertTrue(e.problem().contains("100000 x 20000 matrix needs 8000000000 more bytes"), e.problem());

    Path negative = file("neg.ark", fmEntry("k00", -5, 3, 0));
    assertNames(readFails("ark:" + negative, Holders.FLOAT_MATRIX), negative.toString(), "k00", 9);

    // Through a pipe the size is unknown: the reader must grow with the data instead of allocating 8 GB.
    before = allocated();
    e = readFails("ark:cat " + big + " |", Holders.FLOAT_MATRIX);
    assertTrue(allocated() - before < 64 << 20, "allocated " + (allocated() - before) + " bytes");
    assertEquals("k00", e.key());
    assertEquals(19 + 16, e.offset());
  }

  @Test
  void absurdCompressedDimensions() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 2 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put("utt ".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 'B');
    b.put("CM2 ".getBytes(StandardCharsets.US_ASCII)).putFloat(0f).putFloat(1f).putInt(70_000).putInt(70_000);
    Path p = file("cm.ark", b.array());
    KaldiFormatException e = readFails("ark:" + p, Holders.FLOAT_MATRIX);
    assertNames(e, p.toString(), "utt", 10);
    assertTrue(e.problem().contains("absurd compressed-matrix dimensions"), e.problem());
  }

  @Test
  void nanInTextIsCaughtWhereTheNumberStarts() throws IOException {
    String text = "k00  [\n  1 2\n  3 4 ]\nk01  [\n  5 nan\n  7 8 ]\n";
    Path p = file("nan.ark", text);
    KaldiFormatException e = readFails("ark:" + p, Holders.FLOAT_MATRIX);
    assertNames(e, p.toString(), "k01", text.indexOf("nan"));
    assertTrue(e.problem().contains("non-finite value 'nan'"), e.problem());

    String vec = "v [ 1 -inf ]\n";
    Path q = file("inf.ark", vec);
    assertNames(readFails("ark:" + q, Holders.FLOAT_VECTOR), q.toString(), "v", vec.indexOf("-inf"));
    String flt = "a 1.5\nb NaN\n";
    Path f = file("nanf.ark", flt);
    assertNames(readFails("ark:" + f, Holders.FLOAT), f.toString(), "b", flt.indexOf("NaN"));
  }

  @Test
  void missingScpTargetNamesTheScpLine() throws IOException {
    Path ark = tmp.resolve("a.ark");
    try (TableWriter<float[]> w = TableWriter.open("ark,scp:" + ark + "," + tmp.resolve("a.scp"),
        Holders.FLOAT_VECTOR)) {
      w.write("a", new float[] {1});
      w.commit();
    }
    String line0 = Files.readString(tmp.resolve("a.scp"));
    String scpText = line0 + "b " + tmp.resolve("gone.ark") + ":12\n";
    Path scp = file("b.scp", scpText);
    KaldiFormatException e = readFails("scp:" + scp, Holders.FLOAT_VECTOR);
    assertNames(e, scp.toString(), "b", line0.length());
    assertTrue(e.problem().contains("gone.ark:12' does not exist"), e.problem());

    try (RandomAccessTableReader<float[]> r = RandomAccessTableReader.open("scp:" + scp, Holders.FLOAT_VECTOR)) {
      KaldiFormatException e2 = assertThrows(KaldiFormatException.class, () -> r.value("b"));
      assertNames(e2, scp.toString(), "b", line0.length());
    }
  }

  @Test
  void scpOffsetPastTheEndOfItsArchive() throws IOException {
    Path ark = file("x.ark", fmEntry("a", 1, 1, 1));
    String text = "a " + ark + ":2\nb " + ark + ":999\n";
    Path scp = file("x.scp", text);
    KaldiFormatException e = readFails("scp:" + scp, Holders.FLOAT_MATRIX);
    assertNames(e, scp.toString(), "b", text.indexOf("b "));
    assertTrue(e.problem().contains("past the end"), e.problem());
  }

  @Test
  void unsortedKeysWhereSortedIsPromised() throws IOException {
    byte[] a = fmEntry("a", 1, 1, 1);
    byte[] c = fmEntry("c", 1, 1, 1);
    byte[] b = fmEntry("b", 1, 1, 1);
    Path p = file("unsorted.ark", concat(a, c, b));
    KaldiFormatException e = readFails("ark,s:" + p, Holders.FLOAT_MATRIX);
    assertNames(e, p.toString(), "b", a.length + c.length);
    assertTrue(e.problem().contains("'b' follows 'c'"), e.problem());
    // Without the promise the same archive reads fine.
    try (SequentialTableReader<?> r = SequentialTableReader.open("ark:" + p, Holders.FLOAT_MATRIX)) {
      int n = 0;
      while (r.next()) {
        n++;
      }
      assertEquals(3, n);
    }
    // Duplicates break the promise too, and random access checks it as it reads.
    Path dup = file("dup.ark", concat(a, a));
    assertNames(readFails("ark,s:" + dup, Holders.FLOAT_MATRIX), dup.toString(), "a", a.length);
    try (RandomAccessTableReader<?> r = RandomAccessTableReader.open("ark,s:" + p, Holders.FLOAT_MATRIX)) {
      KaldiFormatException e2 = assertThrows(KaldiFormatException.class, () -> r.value("d"));
      assertEquals(a.length + c.length, e2.offset());
    }

    String x = tmp.resolve("x.ark") + ":2";
    Files.write(tmp.resolve("x.ark"), a);
    String scpText = "a " + x + "\nc " + x + "\nb " + x + "\n";
    Path scp = file("unsorted.scp", scpText);
    assertNames(readFails("scp,s:" + scp, Holders.FLOAT_MATRIX), scp.toString(), "b", scpText.indexOf("b "));
    KaldiFormatException e3 = assertThrows(KaldiFormatException.class,
        () -> RandomAccessTableReader.open("scp,s:" + scp, Holders.FLOAT_MATRIX));
    assertNames(e3, scp.toString(), "b", scpText.indexOf("b "));
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
