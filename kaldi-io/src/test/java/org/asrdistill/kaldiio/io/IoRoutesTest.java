package org.asrdistill.kaldiio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Standard streams, pipes, offset files and the write-then-commit behaviour of outputs. */
class IoRoutesTest {
  @TempDir
  Path tmp;

  private static void writeInts(String wspecifier, int n) throws IOException {
    try (TableWriter<int[]> w = TableWriter.open(wspecifier, Holders.INT32_VECTOR)) {
      for (int i = 0; i < n; i++) {
        w.write("utt" + i, new int[] {i, i + 1, -i});
      }
      w.commit();
    }
  }

  private static List<String> readKeys(String rspecifier, int[] check) throws IOException {
    List<String> keys = new ArrayList<>();
    try (SequentialTableReader<int[]> r = SequentialTableReader.open(rspecifier, Holders.INT32_VECTOR)) {
      while (r.next()) {
        int i = keys.size();
        assertArrayEquals(new int[] {i, i + 1, -i}, r.value());
        keys.add(r.key());
      }
    }
    check[0] = keys.size();
    return keys;
  }

  @ParameterizedTest
  @CsvSource({"ark", "'ark,t'"})
  void standardOutputAndInput(String opts) throws IOException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream savedOut = System.out;
    try (PrintStream ps = new PrintStream(captured, true)) {
      System.setOut(ps);
      writeInts(opts + ":-", 3);
    } finally {
      System.setOut(savedOut);
    }
    Path file = tmp.resolve("x.ark");
    writeInts(opts + ":" + file, 3);
    assertArrayEquals(Files.readAllBytes(file), captured.toByteArray());
    InputStream savedIn = System.in;
    int[] n = new int[1];
    try {
      System.setIn(new ByteArrayInputStream(captured.toByteArray()));
      assertEquals(List.of("utt0", "utt1", "utt2"), readKeys("ark:-", n));
    } finally {
      System.setIn(savedIn);
    }
  }

  @Test
  void inputAndOutputPipes() throws IOException {
    Path gz = tmp.resolve("x.ark.gz");
    writeInts("ark:| gzip -c > " + gz, 50);
    assertTrue(Files.size(gz) > 0);
    int[] n = new int[1];
    readKeys("ark:gunzip -c " + gz + " |", n);
    assertEquals(50, n[0]);
    Path plain = tmp.resolve("y.ark");
    writeInts("ark:" + plain, 5);
    readKeys("ark:cat " + plain + " |", n);
    assertEquals(5, n[0]);
    // A stream read by random access (no seeking) works too.
    try (RandomAccessTableReader<int[]> r = RandomAccessTableReader.open("ark:cat " + plain + " |",
        Holders.INT32_VECTOR)) {
      assertArrayEquals(new int[] {3, 4, -3}, r.value("utt3"));
      assertArrayEquals(new int[] {1, 2, -1}, r.value("utt1"));
    }
  }

  @Test
  void failingPipesAreErrors() throws IOException {
    assertThrows(IOException.class, () -> writeInts("ark:| exit 3", 2));
    assertThrows(IOException.class, () -> readKeys("ark:exit 4 |", new int[1]));
  }

  @Test
  void offsetRxfilenamesFromAnScp() throws IOException {
    Path ark = tmp.resolve("o.ark");
    Path scp = tmp.resolve("o.scp");
    writeInts("ark,scp:" + ark + "," + scp, 4);
    String line = Files.readAllLines(scp).get(2);
    String rx = line.substring(line.indexOf(' ') + 1);
    assertEquals(Xfilenames.Kind.OFFSET_FILE, Xfilenames.classifyRx(rx));
    try (KaldiInput in = Xfilenames.openInput(rx)) {
      assertArrayEquals(new int[] {2, 3, -2}, Holders.INT32_VECTOR.read(in));
    }
    assertThrows(IllegalArgumentException.class, () -> Xfilenames.offsetOf("a.ark:99999999999999999999"));
  }

  @ParameterizedTest
  @CsvSource({"'-', STANDARD", "'', STANDARD", "'gunzip -c a.gz |', PIPE", "'a.ark:12', OFFSET_FILE",
      "'a.ark', FILE", "'c:/x', FILE"})
  void classifiesRxfilenames(String rx, Xfilenames.Kind kind) {
    assertEquals(kind, Xfilenames.classifyRx(rx));
  }

  @Test
  void uncommittedOutputLeavesNothingAndKeepsTheOldFile() throws IOException {
    Path target = tmp.resolve("t.ark");
    try (TableWriter<int[]> w = TableWriter.open("ark,scp:" + target + "," + tmp.resolve("t.scp"),
        Holders.INT32_VECTOR)) {
      w.write("a", new int[] {1});
      // no commit: as if the job failed
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(), files.toList(), "no archive, no scp, no temporary file");
    }
    Files.writeString(target, "old");
    try (KaldiOutput out = Xfilenames.openOutput(target.toString())) {
      out.writeText("new");
      out.flush();
      assertEquals("old", Files.readString(target), "the target changes only at commit");
    }
    assertEquals("old", Files.readString(target));
    try (KaldiOutput out = Xfilenames.openOutput(target.toString())) {
      out.writeText("new");
      out.commit();
    }
    assertEquals("new", Files.readString(target));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(target), files.toList());
    }
    assertThrows(IOException.class, () -> Xfilenames.openOutput(tmp.resolve("no/such/dir/x.ark").toString()));
  }

  @Test
  void commitAfterCloseIsAnError() throws IOException {
    KaldiOutput out = Xfilenames.openOutput(tmp.resolve("c.ark").toString());
    out.close();
    assertThrows(IOException.class, out::commit);
    assertFalse(Files.exists(tmp.resolve("c.ark")));
  }
}
