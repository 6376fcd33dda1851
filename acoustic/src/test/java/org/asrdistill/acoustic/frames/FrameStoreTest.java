package org.asrdistill.acoustic.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameStoreTest {
  @TempDir
  Path dir;

  /** Frame value = utterance * 1000 + frame * 10 + dimension; target = frame % 5. */
  private Path store(int... lengths) throws IOException {
    Path p = dir.resolve("s.fst");
    try (FrameStore.Writer w = new FrameStore.Writer(p, 3, 5)) {
      for (int u = 0; u < lengths.length; u++) {
        float[] d = new float[lengths[u] * 3];
        int[] t = new int[lengths[u]];
        for (int f = 0; f < lengths[u]; f++) {
          for (int k = 0; k < 3; k++) {
            d[f * 3 + k] = u * 1000 + f * 10 + k;
          }
          t[f] = f % 5;
        }
        w.add("utt" + u, "spk" + (u % 2), new FloatMatrix(lengths[u], 3, d), t);
      }
      w.commit();
    }
    return p;
  }

  @Test
  void writesAndMapsFramesTargetsAndIndex() throws Exception {
    try (FrameStore s = FrameStore.open(store(4, 7, 1))) {
      assertEquals(12, s.numFrames());
      assertEquals(3, s.utts().size());
      assertEquals(new FrameStore.Utt("utt1", "spk1", 4, 7), s.utts().get(1));
      float[] f = new float[3];
      s.copyFrame(6, f, 0);
      assertArrayEquals(new float[] {1020, 1021, 1022}, f);
      assertEquals(2, s.target(6));
      assertArrayEquals(new long[] {4, 3, 2, 2, 1}, s.pdfCounts(s.utts()));
    }
  }

  @Test
  void batchesSpliceWithinUtterancesAndCoverEveryFrameOnce() throws Exception {
    try (FrameStore s = FrameStore.open(store(4, 7, 1))) {
      Set<Float> centres = new HashSet<>();
      try (Minibatches mb = new Minibatches(s, s.utts(), 2, 1, 5, 7, 1, true, 0)) {
        for (Minibatches.Batch b = mb.next(); b != null; b = mb.next()) {
          for (int i = 0; i < b.n; i++) {
            float centre = b.features[(i * 4 + 2) * 3];
            centres.add(centre);
            int u = (int) (centre / 1000);
            int t = (int) (centre % 1000) / 10;
            int len = new int[] {4, 7, 1}[u];
            for (int k = -2; k <= 1; k++) {
              int g = Math.min(len - 1, Math.max(0, t + k));
              assertEquals(u * 1000 + g * 10, b.features[(i * 4 + k + 2) * 3], "edge frames repeat");
            }
            assertEquals(t % 5, b.labels[i]);
          }
          mb.recycle(b);
        }
      }
      assertEquals(12, centres.size());
    }
  }

  private static List<Float> order(FrameStore s, long seed, int epoch) throws InterruptedException {
    List<Float> out = new ArrayList<>();
    try (Minibatches mb = new Minibatches(s, s.utts(), 0, 0, 4, seed, epoch, true, 0)) {
      for (Minibatches.Batch b = mb.next(); b != null; b = mb.next()) {
        for (int i = 0; i < b.n; i++) {
          out.add(b.features[i * 3]);
        }
        mb.recycle(b);
      }
    }
    return out;
  }

  @Test
  void shufflingIsReproduciblePerSeedAndEpoch() throws Exception {
    try (FrameStore s = FrameStore.open(store(30, 30, 30))) {
      assertEquals(order(s, 5, 1), order(s, 5, 1));
      assertFalse(order(s, 5, 1).equals(order(s, 5, 2)));
    }
  }

  @Test
  void corruptOrMismatchedInputIsRefusedByName() throws Exception {
    Path p = store(4, 7);
    byte[] b = Files.readAllBytes(p);
    byte[] bad = b.clone();
    bad[0] = 'X';
    Path q = dir.resolve("bad.fst");
    Files.write(q, bad);
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> FrameStore.open(q));
    assertTrue(e.getMessage().contains("bad.fst"), e.getMessage());
    Files.write(q, Arrays.copyOf(b, b.length - 5));
    assertThrows(KaldiFormatException.class, () -> FrameStore.open(q));
    try (FrameStore.Writer w = new FrameStore.Writer(dir.resolve("x.fst"), 3, 5)) {
      IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
          () -> w.add("uttX", "s", new FloatMatrix(2, 3, new float[6]), new int[] {0, 1, 2}));
      assertTrue(m.getMessage().contains("uttX"));
      assertThrows(IllegalArgumentException.class,
          () -> w.add("uttY", "s", new FloatMatrix(1, 3, new float[] {0, Float.NaN, 0}), new int[] {0}));
    }
    assertFalse(Files.exists(dir.resolve("x.fst")), "an uncommitted store leaves no file");
    assertFalse(Files.exists(dir.resolve("x.fst.tmp")));
  }
}
