package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-train on a tiny network; the reference is a stand-in script printing known rates. */
class BenchTrainTest {
  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, AsrDistill.execute(args));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static double value(String out, String key) {
    for (String line : out.split("\n")) {
      if (line.startsWith(key + "=")) {
        return Double.parseDouble(line.substring(key.length() + 1));
      }
    }
    throw new AssertionError("no " + key + " in:\n" + out);
  }

  private static final String[] TINY = {"bench-train", "--preset=cpu", "--hidden-layers=1", "--hidden-dim=8",
      "--num-pdfs=5", "--batch-size=4", "--iters=2", "--warmup=1"};

  @Test
  void printsRatiosAgainstTheReference(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("fake_torch.sh");
    Files.writeString(script, "echo params=1\necho 'train frames/s=100.0  GFLOP/s=1.0'\n"
        + "echo 'infer frames/s=200.0  GFLOP/s=1.0'\n");
    String[] args = java.util.Arrays.copyOf(TINY, TINY.length + 3);
    args[TINY.length] = "--python=/bin/sh";
    args[TINY.length + 1] = "--torch-script=" + script;
    args[TINY.length + 2] = "--repeats=2";
    String out = run(args);
    double train = value(out, "train_frames_per_s");
    assertTrue(train > 0);
    assertEquals(100.0, value(out, "torch_train_frames_per_s"), 0.0);
    assertEquals(200.0, value(out, "torch_infer_frames_per_s"), 0.0);
    assertEquals(train / 100.0, value(out, "train_ratio"), 1e-3 * train / 100.0 + 1e-3);
    assertTrue(value(out, "physical_MB") > 0);
  }

  @Test
  void saysWhenTheReferenceIsUnavailable(@TempDir Path dir) {
    String[] args = java.util.Arrays.copyOf(TINY, TINY.length + 2);
    args[TINY.length] = "--torch-script=" + dir.resolve("missing.py");
    args[TINY.length + 1] = "--engine=mln";
    String out = run(args);
    assertTrue(value(out, "infer_frames_per_s") > 0);
    assertTrue(out.contains("torch_reference=unavailable (no script at "), out);
  }
}
