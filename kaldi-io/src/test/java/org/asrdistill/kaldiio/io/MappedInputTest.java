package org.asrdistill.kaldiio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Random;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives above the mapping threshold are read through memory-mapped windows; results must not change. */
class MappedInputTest {
  private static FloatMatrix matrix(int i) {
    Random r = new Random(i);
    FloatMatrix m = new FloatMatrix(300 + i % 7, 40);
    for (int j = 0; j < m.data().length; j++) {
      m.data()[j] = (float) r.nextGaussian();
    }
    return m;
  }

  @Test
  void largeArchiveReadsIdenticallyThroughWindowsSeeksAndReuse(@TempDir Path dir) throws Exception {
    Path ark = dir.resolve("big.ark");
    Path scp = dir.resolve("big.scp");
    int n = 0;
    try (TableWriter<FloatMatrix> w = TableWriter.open("ark,scp:" + ark + "," + scp, Holders.FLOAT_MATRIX)) {
      while (n * 48_000L < KaldiInput.MAP_THRESHOLD + (2 << 20)) {
        w.write(String.format(Locale.ROOT, "u%05d", n), matrix(n));
        n++;
      }
      w.commit();
    }
    assertTrue(Files.size(ark) >= KaldiInput.MAP_THRESHOLD);
    int seen = 0;
    try (SequentialTableReader<FloatMatrix> r =
             SequentialTableReader.open("ark:" + ark, Holders.FLOAT_MATRIX).reuseValues()) {
      while (r.next()) {
        assertArrayEquals(matrix(seen).data(), r.value().data(), r.key());
        seen++;
      }
    }
    assertEquals(n, seen);
    try (RandomAccessTableReader<FloatMatrix> r = RandomAccessTableReader.open("scp:" + scp, Holders.FLOAT_MATRIX)) {
      for (int i = n - 1; i >= 0; i -= 37) {
        assertArrayEquals(matrix(i).data(), r.value(String.format(Locale.ROOT, "u%05d", i)).data());
      }
    }
  }

  @Test
  void truncatedLargeArchiveFailsWithOffset(@TempDir Path dir) throws Exception {
    Path ark = dir.resolve("big.ark");
    try (TableWriter<FloatMatrix> w = TableWriter.open("ark:" + ark, Holders.FLOAT_MATRIX)) {
      for (int i = 0; i * 48_000L < KaldiInput.MAP_THRESHOLD + (1 << 20); i++) {
        w.write(String.format(Locale.ROOT, "u%05d", i), matrix(i));
      }
      w.commit();
    }
    long cut = Files.size(ark) - 1000;
    try (FileChannel ch = FileChannel.open(ark, StandardOpenOption.WRITE)) {
      ch.truncate(cut);
    }
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> {
      try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open("ark:" + ark, Holders.FLOAT_MATRIX)) {
        while (r.next()) {
          r.value();
        }
      }
    });
    assertTrue(e.getMessage().contains(ark.toString()), e.getMessage());
    assertTrue(e.offset() > 0 && e.offset() <= cut, e.getMessage());
  }
}
