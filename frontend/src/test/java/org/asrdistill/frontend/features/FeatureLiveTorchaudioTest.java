package org.asrdistill.frontend.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live comparison with torchaudio.compliance.kaldi (float32 output, no quantisation): regenerates the whole
 * grid with make_golden.py --format fm and compares every frame. Skipped when /usr/bin/python3 cannot
 * import torchaudio.
 */
class FeatureLiveTorchaudioTest {
  static boolean torchaudioAvailable() {
    try {
      Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torchaudio.compliance.kaldi")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** torchaudio in double precision: the acceptance tolerance. */
  @Test
  void everyGridPointMatchesTorchaudioFloat64(@TempDir Path tmp) throws Exception {
    compare(tmp, "float64", FeatureGoldenTest.TOLERANCE);
  }

  /**
   * torchaudio in single precision (its default) carries its own rounding error (up to ~4e-3 on low-energy
   * bins of frames with a large DC offset, measured against its float64 output), hence the looser bound.
   */
  @Test
  void everyGridPointMatchesTorchaudioFloat32(@TempDir Path tmp) throws Exception {
    compare(tmp, "float32", 1e-2);
  }

  private static void compare(Path tmp, String dtype, double tolerance) throws Exception {
    assumeTrue(torchaudioAvailable(), "torchaudio not installed for /usr/bin/python3");
    Process p = new ProcessBuilder("/usr/bin/python3", Grid.resource("make_golden.py").toString(),
        "--format", "dm", "--dtype", dtype, "--out", tmp.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "make_golden.py timed out");
    assertEquals(0, p.exitValue(), "make_golden.py failed:\n" + log);
    Map<String, WaveData> corpus = Grid.corpus();
    StringBuilder failures = new StringBuilder();
    for (Grid.Config c : Grid.configs()) {
      Map<String, FloatMatrix> ref = Grid.readArkGz(tmp.resolve(c.name() + ".ark.gz"));
      assertEquals(corpus.keySet(), ref.keySet());
      FeatureExtractor ex = c.extractor();
      double worst = 0;
      long frames = 0;
      for (Map.Entry<String, WaveData> e : corpus.entrySet()) {
        WaveData w = e.getValue();
        FloatMatrix ours = ex.compute(w.channel(0), w.sampleRate(), c.vtlnWarp(), 0);
        FloatMatrix theirs = ref.get(e.getKey());
        assertEquals(theirs.rows(), ours.rows(), c.name() + " " + e.getKey() + " frame count");
        double d = Grid.maxAbsDiff(ours, theirs, c.linear());
        assertTrue(d >= 0, c.name() + " " + e.getKey() + " shape " + ours + " vs " + theirs);
        worst = Math.max(worst, d);
        frames += ours.rows();
      }
      System.out.println(String.format(Locale.ROOT, "live %s %-22s utts=%d frames=%d max_abs_diff=%.3g",
          dtype, c.name(), corpus.size(), frames, worst));
      if (worst > tolerance) {
        failures.append(c.name()).append(": ").append(worst).append('\n');
      }
    }
    assertTrue(failures.length() == 0, "max abs diff above " + tolerance + ":\n" + failures);
  }
}
