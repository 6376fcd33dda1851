package org.asrdistill.distill.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.asrdistill.acoustic.dnn.DnnTopology;
import org.asrdistill.acoustic.dnn.DnnTrainer;
import org.asrdistill.acoustic.dnn.DnnTraining;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.dnn.TrainerOptions;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.Distillation;
import org.asrdistill.distill.ensemble.Ensemble;
import org.asrdistill.distill.loss.DistillationLoss;
import org.asrdistill.distill.loss.SoftTargets;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teacher caches of two random tiny networks over a small store; a student trained from them. */
class TeacherCacheTest {
  static final int CLASSES = 30;
  @TempDir
  static Path dir;
  static Path storeFile;
  static List<ModelDir> members;

  @BeforeAll
  static void setUp() throws Exception {
    storeFile = dir.resolve("s.fst");
    Random r = new Random(2);
    try (FrameStore.Writer w = new FrameStore.Writer(storeFile, 3, CLASSES)) {
      for (int u = 0; u < 12; u++) {
        float[] f = new float[20 * 3];
        int[] t = new int[20];
        for (int i = 0; i < f.length; i++) {
          f[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < 20; i++) {
          t[i] = (int) Math.abs(f[i * 3] * 10) % CLASSES;
        }
        w.add("u" + u, "s" + (u % 4), new FloatMatrix(20, 3, f), t);
      }
      w.commit();
    }
    DnnTopology topo = new DnnTopology(3 * 4, 1, 8, CLASSES);
    members = new java.util.ArrayList<>();
    for (int m = 0; m < 2; m++) {
      DnnTrainer e = new DnnTrainer(topo, TrainerOptions.defaults().withSeed(10 + m));
      Path d = dir.resolve("m" + m);
      long[] counts = new long[CLASSES];
      java.util.Arrays.fill(counts, 1);
      ModelDir.write(d, e, 2, 1, ModelDir.Features.paper(), counts, new ObjectMapper().createObjectNode());
      members.add(ModelDir.read(d, 64));
    }
  }

  @Test
  void topkRecordsTheBestGeometricMeanScoresAndDenseAllOfThem() throws Exception {
    Path topk = dir.resolve("topk.cache");
    Path dense = dir.resolve("dense.cache");
    try (FrameStore s = FrameStore.open(storeFile)) {
      assertEquals(4 + 4 * 5 + 4, TeacherCache.write(s, members, TeacherCache.Mode.TOPK, 5, 1, topk, l -> { }));
      assertEquals(4 * CLASSES, TeacherCache.write(s, members, TeacherCache.Mode.DENSE, 5, 1, dense, l -> { }));
      FrameStore.Utt u = s.utts().get(3);
      FloatMatrix want = new Ensemble(members, Ensemble.Combination.GEOMETRIC).logPosteriors(s.features(u));
      try (TeacherCache tc = TeacherCache.open(topk, s); TeacherCache dc = TeacherCache.open(dense, s)) {
        int[] frames = {(int) u.first() + 7};
        SoftTargets t = tc.batchTargets().load(frames, 1);
        SoftTargets d = dc.batchTargets().load(frames, 1);
        float[] row = java.util.Arrays.copyOfRange(want.data(), 7 * CLASSES, 8 * CLASSES);
        float[] sorted = row.clone();
        java.util.Arrays.sort(sorted);
        // scores are the geometric mean up to a per-frame constant; differences are kept to 1/512
        float shift = row[t.classId(0, 0)] - t.score(0, 0);
        for (int i = 0; i < 5; i++) {
          assertEquals(sorted[CLASSES - 1 - i], row[t.classId(0, i)], 1e-6, "rank " + i);
          assertEquals(row[t.classId(0, i)], t.score(0, i) + shift, 1.0 / 512);
        }
        // the tail: its mean score (T -> infinity) and its exact mass at T = 1, to 1/512 nat
        double sum = 0;
        double sumExp = 0;
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
          set.add(t.classId(0, i));
        }
        for (int c = 0; c < CLASSES; c++) {
          if (!set.contains(c)) {
            sum += row[c] - shift;
            sumExp += Math.exp(row[c] - shift);
          }
        }
        int n = CLASSES - 5;
        assertEquals(Math.log(sumExp / n), t.tailScore(0, 1.0), 1.0 / 512);
        assertEquals(sum / n, t.tailScore(0, 1e9), 1.0 / 512);
        assertTrue(Double.isNaN(d.tailScore(0, 2.0)), "dense caches have no tail");
        float dshift = row[0] - d.score(0, 0);
        for (int c = 0; c < CLASSES; c++) {
          assertEquals(row[c], d.score(0, c) + dshift, 1e-5);
        }
      }
    }
  }

  /** One forward pass of each member gives the same counts as scoring each member and the ensemble on its own. */
  @Test
  void memberFrameCountsMatchScoringOneAtATime() throws Exception {
    try (FrameStore s = FrameStore.open(storeFile)) {
      for (Ensemble.Combination c : Ensemble.Combination.values()) {
        Ensemble all = new Ensemble(members, c);
        long[][] counts = all.memberFrameCounts(s, s.utts());
        for (int i = 0; i < members.size(); i++) {
          assertArrayEquals(new Ensemble(List.of(members.get(i)), c).frameCounts(s, s.utts()), counts[i]);
        }
        assertArrayEquals(all.frameCounts(s, s.utts()), counts[members.size()]);
        assertEquals(s.numFrames(), counts[members.size()][1]);
      }
    }
  }

  @Test
  void aCacheOfAnotherStoreOrTruncatedIsRefused() throws Exception {
    Path topk = dir.resolve("t2.cache");
    try (FrameStore s = FrameStore.open(storeFile)) {
      TeacherCache.write(s, members, TeacherCache.Mode.TOPK, 5, 1, topk, l -> { });
      byte[] b = Files.readAllBytes(topk);
      Path cut = dir.resolve("cut.cache");
      Files.write(cut, java.util.Arrays.copyOf(b, b.length - 3));
      KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> TeacherCache.open(cut, s));
      assertTrue(e.getMessage().contains("cut.cache"), e.getMessage());
    }
    Path other = dir.resolve("o.fst");
    try (FrameStore.Writer w = new FrameStore.Writer(other, 3, CLASSES)) {
      w.add("x", "s", new FloatMatrix(2, 3, new float[6]), new int[] {0, 1});
      w.commit();
    }
    try (FrameStore o = FrameStore.open(other)) {
      assertThrows(KaldiFormatException.class, () -> TeacherCache.open(topk, o));
    }
  }

  @Test
  void aStudentTrainsOnTheCache() throws Exception {
    Path topk = dir.resolve("t3.cache");
    try (FrameStore s = FrameStore.open(storeFile)) {
      TeacherCache.write(s, members, TeacherCache.Mode.TOPK, 8, 1, topk, l -> { });
      try (TeacherCache tc = TeacherCache.open(topk, s)) {
        DnnTopology t = new DnnTopology(3 * 4, 1, 8, CLASSES);
        DnnTraining.Options d = DnnTraining.Options.defaults(t);
        DnnTraining.Options o = new DnnTraining.Options(t, d.updater(), 0.01, 0.5, 16, 2, 0, 0.5, 0.01, 0.001, 1, 2, 1,
            4, d.features(), true);
        ModelDir m = Distillation.train(s, tc, null, dir.resolve("student"), o, new DistillationLoss.Options(2, 0.5),
            l -> { });
        assertEquals(CLASSES, m.numPdfs());
        assertTrue(Files.isRegularFile(dir.resolve("student/train-state.json")));
      }
    }
  }
}
