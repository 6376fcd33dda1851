package org.asrdistill.kaldiio.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaveTableTest {
  @TempDir
  Path dir;

  private Path wav(String name, float... x) throws IOException {
    Path p = dir.resolve(name);
    WaveWriter.write(p, WaveData.mono(16000, x));
    return p;
  }

  @Test
  void wavScpWithFilesAndPipes() throws IOException {
    Path a = wav("a.wav", 1, 2, 3);
    Path b = wav("b.wav", -4, 5);
    Path scp = dir.resolve("wav.scp");
    Files.writeString(scp, "u1 " + a + "\nu2 cat " + b + " |\nu3 head -c 46 " + a + " |\n");
    List<String> keys = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    try (SequentialTableReader<WaveData> r = SequentialTableReader.open("scp:" + scp, WaveHolders.WAVE)) {
      while (r.next()) {
        keys.add(r.key());
        values.add(r.value().channel(0));
      }
    }
    assertEquals(List.of("u1", "u2", "u3"), keys);
    assertArrayEquals(new float[] {1, 2, 3}, values.get(0));
    assertArrayEquals(new float[] {-4, 5}, values.get(1));
    assertArrayEquals(new float[] {1}, values.get(2), "pipe output shorter than its header: kept, as Kaldi");
    try (SequentialTableReader<WaveInfo> r = SequentialTableReader.open("scp:" + scp, WaveHolders.WAVE_INFO)) {
      assertTrue(r.next());
      assertEquals(3, r.value().sampleCount());
    }
  }

  @Test
  void brokenEntryNamesScpKeyAndTarget() throws IOException {
    Path a = wav("a.wav", 1, 2, 3);
    byte[] b = Files.readAllBytes(a);
    Path bad = dir.resolve("bad.wav");
    Files.write(bad, java.util.Arrays.copyOf(b, 30));
    Path scp = dir.resolve("wav.scp");
    Files.writeString(scp, "u1 " + a + "\nu2 " + bad + "\n");
    try (SequentialTableReader<WaveData> r = SequentialTableReader.open("scp:" + scp, WaveHolders.WAVE)) {
      assertTrue(r.next());
      KaldiFormatException e = assertThrows(KaldiFormatException.class, r::next);
      assertEquals("u2", e.key());
      assertTrue(e.getMessage().contains("bad.wav"), e.getMessage());
    }
  }

  @Test
  void archiveOfWavesRoundTrips() throws IOException {
    Path ark = dir.resolve("w.ark");
    try (var w = org.asrdistill.kaldiio.table.TableWriter.open("ark:" + ark, WaveHolders.WAVE)) {
      w.write("x", WaveData.mono(8000, new float[] {7, 8}));
      w.write("y", WaveData.mono(8000, new float[] {9}));
      w.commit();
    }
    try (SequentialTableReader<WaveData> r = SequentialTableReader.open("ark:" + ark, WaveHolders.WAVE)) {
      assertTrue(r.next());
      assertArrayEquals(new float[] {7, 8}, r.value().channel(0));
      assertTrue(r.next());
      assertEquals("y", r.key());
      assertArrayEquals(new float[] {9}, r.value().channel(0));
      assertFalse(r.next());
    }
  }

  /** Live reference: SoX converts one 16-bit file into every encoding; all must read back the same. */
  @Test
  void soxConversionsAgree() throws Exception {
    Assumptions.assumeTrue(onPath("sox"), "sox not installed");
    Path src = dir.resolve("src.wav");
    run("sox", "-n", "-r", "16000", "-b", "16", "-c", "2", src.toString(), "synth", "0.05", "sine", "440",
        "sine", "1000", "vol", "0.5");
    WaveData ref = WaveReader.read(src);
    String[][] encodings = {{"-e", "signed", "-b", "24"}, {"-e", "signed", "-b", "32"},
        {"-e", "floating-point", "-b", "32"}, {"-e", "floating-point", "-b", "64"}};
    for (String[] e : encodings) {
      Path out = dir.resolve("out" + e[3] + e[1].charAt(0) + ".wav");
      List<String> cmd = new ArrayList<>(List.of("sox", "-D", src.toString()));
      cmd.addAll(List.of(e));
      cmd.add(out.toString());
      run(cmd.toArray(new String[0]));
      assertEquals(ref, WaveReader.read(out), String.join(" ", e));
    }
    Path u8 = dir.resolve("u8.wav");
    run("sox", "-D", src.toString(), "-e", "unsigned", "-b", "8", u8.toString());
    float[] x = ref.channel(1);
    float[] y = WaveReader.read(u8).channel(1);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], y[i], 256, "8-bit sample " + i);
    }
    // sox writing WAV to a pipe uses the stream-mode size 0x7FFFF000: read to the end
    Path scp = dir.resolve("wav.scp");
    Files.writeString(scp, "s sox " + src + " -t wav - |\n");
    try (SequentialTableReader<WaveData> r = SequentialTableReader.open("scp:" + scp, WaveHolders.WAVE)) {
      assertTrue(r.next());
      assertEquals(ref, r.value());
    }
  }

  private static boolean onPath(String tool) {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(p, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
  }
}
