package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asrdistill.kaldiio.wav.WaveWriter;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.frontend.cmvn.Cmvn;
import org.asrdistill.frontend.features.FbankOptions;
import org.asrdistill.frontend.features.FeatureExtractor;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of the feature tools on small generated WAV files. */
class FeatureToolsTest {
  @TempDir
  Path dir;

  private Path wav(String name, int rate, int n, double freq) throws Exception {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) Math.round(3000 * Math.sin(2 * Math.PI * freq * i / rate) + 50 * Math.sin(i * 1.7));
    }
    Path p = dir.resolve(name + ".wav");
    WaveWriter.write(p, WaveData.mono(rate, x));
    return p;
  }

  private Path scp(String... lines) throws Exception {
    Path p = dir.resolve("wav.scp");
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p;
  }

  private static <T> Map<String, T> read(String rspec, org.asrdistill.kaldiio.table.Holder<T> h) throws Exception {
    Map<String, T> out = new LinkedHashMap<>();
    try (SequentialTableReader<T> r = SequentialTableReader.open(rspec, h)) {
      while (r.next()) {
        out.put(r.key(), r.value());
      }
    }
    return out;
  }

  @Test
  void fbankOnThreadsMatchesLibraryAndKeepsOrder() throws Exception {
    Path scp = scp("a1 " + wav("a1", 16000, 8000, 440), "a2 " + wav("a2", 16000, 300, 300),
        "b1 " + wav("b1", 16000, 12000, 1000));
    Path ark = dir.resolve("feats.ark");
    assertEquals(0, AsrDistill.execute("compute-fbank-feats", "--num-mel-bins=40", "--dither=0",
        "--num-threads=2", "scp:" + scp, "ark:" + ark));
    Map<String, FloatMatrix> feats = read("ark:" + ark, Holders.FLOAT_MATRIX);
    assertEquals(java.util.List.of("a1", "a2", "b1"), java.util.List.copyOf(feats.keySet()));
    FbankOptions o = FbankOptions.paper();
    FeatureExtractor ex = FeatureExtractor.fbank(o.withFrame(o.frame().withDither(0)));
    assertEquals(ex.compute(readWave(dir.resolve("a1.wav")), 16000, 1, 0),
        feats.get("a1"));
    assertEquals(48, feats.get("a1").rows());
    assertEquals(40, feats.get("a1").cols());
    assertEquals(0, feats.get("a2").rows(), "300 samples < one 400-sample frame");
  }

  private static float[] readWave(Path p) throws Exception {
    try (var in = org.asrdistill.kaldiio.io.KaldiInput.open(p, 0)) {
      return org.asrdistill.kaldiio.wav.WaveReader.read(in).channel(0);
    }
  }

  @Test
  void badInputLeavesNoArchive() throws Exception {
    Path good = wav("g", 16000, 8000, 440);
    Path broken = dir.resolve("broken.wav");
    byte[] b = Files.readAllBytes(good);
    Files.write(broken, java.util.Arrays.copyOf(b, b.length - 100));
    Path ark = dir.resolve("out.ark");
    Path scp1 = scp("g " + good, "h " + broken);
    String err = stderrOf(1, "compute-fbank-feats", "scp:" + scp1, "ark:" + ark);
    assertFalse(Files.exists(ark), "no partial archive after a truncated WAV");
    assertTrue(err.contains("ERROR (compute-fbank-feats)") && err.contains(broken.toString())
        && err.contains("key 'h'") && err.contains("byte offset") && err.contains("truncated"), err);
    Path eightK = wav("e", 8000, 8000, 440);
    err = stderrOf(1, "compute-mfcc-feats", "scp:" + scp("g " + good, "e " + eightK), "ark:" + ark);
    assertFalse(Files.exists(ark), "no partial archive after a sample-rate mismatch");
    assertTrue(err.contains("sample frequency mismatch") && err.contains("8000"), err);
  }

  @Test
  void audioShorterThanAFrameGivesZeroFramesAndAWarning() throws Exception {
    Path ark = dir.resolve("short.ark");
    String err = stderrOf(0, "compute-fbank-feats", "scp:" + scp("s " + wav("s", 16000, 399, 440)),
        "ark:" + ark);
    assertTrue(err.contains("WARNING (compute-fbank-feats) Utterance s has 399 samples"), err);
    assertEquals(0, read("ark:" + ark, Holders.FLOAT_MATRIX).get("s").rows());
  }

  /** Runs a tool, checks its exit status and returns what it printed on standard error. */
  private static String stderrOf(int expectedStatus, String... args) {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    int status;
    try {
      System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      status = AsrDistill.execute(args);
    } finally {
      System.setErr(saved);
    }
    String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    saved.print(text);
    assertEquals(expectedStatus, status, text);
    return text;
  }

  @Test
  void perSpeakerCmvnSpliceAndDeltas() throws Exception {
    Path scp = scp("s1_u1 " + wav("u1", 16000, 6000, 300), "s1_u2 " + wav("u2", 16000, 5000, 700),
        "s2_u3 " + wav("u3", 16000, 7000, 900));
    Path feats = dir.resolve("mfcc.ark");
    assertEquals(0, AsrDistill.execute("compute-mfcc-feats", "--dither=0", "scp:" + scp, "ark:" + feats));
    Path spk2utt = dir.resolve("spk2utt");
    Files.writeString(spk2utt, "s1 s1_u1 s1_u2\ns2 s2_u3\n");
    Path utt2spk = dir.resolve("utt2spk");
    Files.writeString(utt2spk, "s1_u1 s1\ns1_u2 s1\ns2_u3 s2\n");
    Path cmvn = dir.resolve("cmvn.ark");
    assertEquals(0, AsrDistill.execute("compute-cmvn-stats", "--spk2utt=ark:" + spk2utt, "ark:" + feats,
        "ark:" + cmvn));
    Map<String, FloatMatrix> m = read("ark:" + feats, Holders.FLOAT_MATRIX);
    Map<String, DoubleMatrix> stats = read("ark:" + cmvn, Holders.DOUBLE_MATRIX);
    DoubleMatrix s1 = Cmvn.newStats(13);
    Cmvn.accumulate(s1, m.get("s1_u1"));
    Cmvn.accumulate(s1, m.get("s1_u2"));
    assertArrayEquals(s1.data(), stats.get("s1").data(), 1e-6);
    assertEquals(m.get("s2_u3").rows(), stats.get("s2").get(0, 13));

    Path normed = dir.resolve("normed.ark");
    assertEquals(0, AsrDistill.execute("apply-cmvn", "--norm-vars=true", "--utt2spk=ark:" + utt2spk,
        "ark:" + cmvn, "ark:" + feats, "ark:" + normed));
    FloatMatrix n3 = read("ark:" + normed, Holders.FLOAT_MATRIX).get("s2_u3");
    double mean = 0;
    for (int t = 0; t < n3.rows(); t++) {
      mean += n3.get(t, 5);
    }
    assertEquals(0.0, mean / n3.rows(), 1e-4, "speaker s2 has one utterance: its mean is removed exactly");

    Path spliced = dir.resolve("spliced.ark");
    assertEquals(0, AsrDistill.execute("splice-feats", "--left-context=20", "--right-context=5",
        "ark:" + normed, "ark:" + spliced));
    FloatMatrix sp = read("ark:" + spliced, Holders.FLOAT_MATRIX).get("s2_u3");
    assertEquals(26 * 13, sp.cols());
    assertEquals(n3.get(0, 4), sp.get(0, 4)); // left edge repeated
    assertEquals(n3.get(0, 4), sp.get(0, 20 * 13 + 4)); // the 21st block is the frame itself
    Path deltas = dir.resolve("deltas.ark");
    assertEquals(0, AsrDistill.execute("add-deltas", "ark:" + normed, "ark:" + deltas));
    assertEquals(39, read("ark:" + deltas, Holders.FLOAT_MATRIX).get("s1_u1").cols());
    assertEquals(0, AsrDistill.execute("apply-cmvn-sliding", "--cmn-window=50", "ark:" + feats,
        "ark:" + dir.resolve("sliding.ark")));
    assertTrue(Files.size(dir.resolve("sliding.ark")) > 0);
  }
}
