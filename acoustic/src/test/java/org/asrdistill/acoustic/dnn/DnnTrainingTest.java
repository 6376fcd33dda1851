package org.asrdistill.acoustic.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small synthetic store: learning, the newbob bookkeeping, resumption to identical parameters. */
class DnnTrainingTest {
  @TempDir
  static Path dir;
  static Path storeFile;

  /** 4 classes; each frame is its class's mean plus noise; 8 speakers x 6 utterances of 40 frames. */
  @BeforeAll
  static void store() throws Exception {
    storeFile = dir.resolve("train.fst");
    Random r = new Random(1);
    float[][] means = new float[4][5];
    for (float[] m : means) {
      for (int d = 0; d < m.length; d++) {
        m[d] = (float) r.nextGaussian() * 2;
      }
    }
    try (FrameStore.Writer w = new FrameStore.Writer(storeFile, 5, 4)) {
      for (int u = 0; u < 48; u++) {
        float[] f = new float[40 * 5];
        int[] t = new int[40];
        for (int i = 0; i < 40; i++) {
          t[i] = (i / 5 + u) % 4;
          for (int d = 0; d < 5; d++) {
            f[i * 5 + d] = means[t[i]][d] + (float) r.nextGaussian();
          }
        }
        w.add(String.format("s%d-u%02d", u % 8, u), "s" + (u % 8), new FloatMatrix(40, 5, f), t);
      }
      w.commit();
    }
  }

  private static DnnTraining.Options options(int epochs) {
    DnnTopology t = new DnnTopology(5 * 4, 1, 16, 4);
    DnnTraining.Options d = DnnTraining.Options.defaults(t);
    return new DnnTraining.Options(t, d.updater(), 0.05, 0.5, 32, epochs, 0, d.halvingFactor(), d.startHalvingImpr(),
        d.endHalvingImpr(), 2, 2, 1, 3, d.features(), true);
  }

  private static byte[] finalState(Path exp) throws Exception {
    JsonNode s = new ObjectMapper().readTree(exp.resolve("train-state.json").toFile());
    return Files.readAllBytes(exp.resolve(s.get("state_file").asText()));
  }

  @Test
  void learnsAndWritesAModelDirectory() throws Exception {
    Path exp = dir.resolve("a");
    List<String> log = new ArrayList<>();
    try (FrameStore s = FrameStore.open(storeFile)) {
      ModelDir m = DnnTraining.train(s, exp, options(4), log::add);
      JsonNode st = new ObjectMapper().readTree(exp.resolve("train-state.json").toFile());
      JsonNode last = st.get("history").get(st.get("history").size() - 1);
      assertTrue(last.get("valid_acc").asDouble() > 0.9 || st.get("history").get(1).get("valid_acc").asDouble() > 0.9,
          st.toString());
      assertEquals(4, m.numPdfs());
      FloatMatrix ll = m.logLikelihoods(s.features(s.utts().get(0)), 1f);
      assertEquals(40, ll.rows());
      assertTrue(Files.isRegularFile(exp.resolve("model.json")) && Files.isRegularFile(exp.resolve("final.zip")));
    }
  }

  @Test
  void anInterruptedRunResumesToIdenticalParameters() throws Exception {
    Path full = dir.resolve("full");
    Path cut = dir.resolve("cut");
    try (FrameStore s = FrameStore.open(storeFile)) {
      DnnTraining.train(s, full, options(3), l -> { });
      // killed after epoch 2's training, before its checkpoint: epoch 2 is lost and redone
      assertThrows(IllegalStateException.class, () -> DnnTraining.train(s, cut, options(3), l -> {
        if (l.startsWith("epoch 2: train loss")) {
          throw new IllegalStateException("killed");
        }
      }));
      List<String> log = new ArrayList<>();
      DnnTraining.train(s, cut, options(3), log::add);
      assertTrue(log.get(0).contains("resuming after epoch 1"), log.get(0));
    }
    assertArrayEquals(finalState(full), finalState(cut));
  }
}
