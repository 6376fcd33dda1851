package org.asrdistill.recipes.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesizerTest {
  @Test
  void noiseHitsTheRequestedSnr() {
    short[] pcm = new short[160000];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.round(3000 * Math.sin(i * 0.05));
    }
    short[] clean = pcm.clone();
    Synthesizer.addNoise(pcm, 20.0, new Random(5));
    double s = 0;
    double n = 0;
    for (int i = 0; i < pcm.length; i++) {
      s += (double) clean[i] * clean[i];
      n += (double) (pcm[i] - clean[i]) * (pcm[i] - clean[i]);
    }
    assertEquals(20.0, 10 * Math.log10(s / n), 0.2);
  }

  @Test
  void synthesisesAPerturbedSixteenKilohertzWav(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("flite") && onPath("sox"), "flite and sox are not installed");
    Voice v = new Voice(Voice.Engine.FLITE, "kal16", "fkal");
    Speaker s = new Speaker("fkal-p00", v, 1.05, 100, 25);
    Path wav = dir.resolve("u.wav");
    long[] n = new Synthesizer(dir.resolve("tmp")).run(
        List.of(new Synthesizer.Job("fkal-p00-00001", s, List.of("three", "four"), wav, 9)));
    assertTrue(Files.exists(wav));
    assertEquals(44 + 2 * n[0], Files.size(wav));
    assertTrue(n[0] > 4000 && n[0] < 16000 * 5, "plausible length: " + n[0]);
    byte[] first = Files.readAllBytes(wav);
    Files.delete(wav);
    new Synthesizer(dir.resolve("tmp")).run(
        List.of(new Synthesizer.Job("fkal-p00-00001", s, List.of("three", "four"), wav, 9)));
    assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(wav)), "deterministic for a seed");
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
