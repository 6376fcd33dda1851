package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's report format (no timing claims: only that the fields are there and consistent). */
class BenchFbankTest {
  @Test
  void reportsOursAndSaysWhenTorchaudioCannotRun(@TempDir Path dir) throws Exception {
    float[] x = new float[16000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.round(2000 * Math.sin(i * 0.07));
    }
    Path wav = dir.resolve("a.wav");
    WaveWriter.write(wav, WaveData.mono(16000, x));
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      status = AsrDistill.execute("bench-fbank", "--repeat=2", "--warmup=0",
          "--python=" + dir.resolve("no-such-python"), wav.toString());
    } finally {
      System.setOut(saved);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, out);
    assertTrue(out.contains("files=1 audio_seconds=1.00 frames=98 num_mel_bins=40 repeat=2"), out);
    assertTrue(out.matches("(?s).*ours_xRT=[0-9.]+ \\(best of 2 passes: [0-9.]+ s, [0-9.]+ us/frame.*"), out);
    assertTrue(out.contains("torchaudio_xRT=unavailable"), out);
  }
}
