package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLAC and Ogg input, resampling and segments through the command-line tools. */
class AudioInputToolsTest {
  private static Path copy(Path dir, String name) throws Exception {
    // The frontend module's fixtures (see its README there); tests run from the cli module directory.
    Path p = dir.resolve(name);
    Files.copy(Path.of("..", "frontend", "src", "test", "resources", "org", "asrdistill", "frontend", "input", name), p);
    return p;
  }

  private static Map<String, Integer> lengths(Path ark) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open("ark:" + ark, Holders.FLOAT_MATRIX)) {
      while (r.next()) {
        out.put(r.key(), r.value().rows());
      }
    }
    return out;
  }

  @Test
  void fbankFromFlacOggAndResampledAudio(@TempDir Path dir) throws Exception {
    Path scp = dir.resolve("wav.scp");
    Files.writeString(scp, "a " + copy(dir, "tone44k24.flac") + "\nb " + copy(dir, "tone.ogg") + "\nc "
        + copy(dir, "tone.flac") + "\n");
    Path ark = dir.resolve("feats.ark");
    assertEquals(1, AsrDistill.execute("compute-fbank-feats", "--num-mel-bins=40", "scp:" + scp, "ark:" + ark));
    assertFalse(Files.exists(ark), "a rate mismatch leaves no archive");
    assertEquals(0, AsrDistill.execute("compute-fbank-feats", "--num-mel-bins=40", "--allow-downsample=true",
        "scp:" + scp, "ark:" + ark));
    Map<String, Integer> len = lengths(ark);
    assertEquals(28, len.get("a")); // 0.3 s at 16 kHz: (4800 - 400) / 160 + 1
    assertEquals(48, len.get("c")); // 0.5 s
    assertEquals(48, len.get("b"), 1);
  }

  @Test
  void extractSegmentsFeedsFeatureExtraction(@TempDir Path dir) throws Exception {
    Path scp = dir.resolve("wav.scp");
    Files.writeString(scp, "rec " + copy(dir, "tone.flac") + "\n");
    Path segments = dir.resolve("segments");
    Files.writeString(segments, "u1 rec 0.0 0.2\nu2 rec 0.2 -1 1\nu3 rec 0.40 0.45\nu4 other 0 1\n");
    Path wavs = dir.resolve("seg.ark");
    assertEquals(0, AsrDistill.execute("extract-segments", "scp:" + scp, segments.toString(), "ark:" + wavs));
    Path ark = dir.resolve("feats.ark");
    assertEquals(0, AsrDistill.execute("compute-fbank-feats", "ark:" + wavs, "ark:" + ark));
    Map<String, Integer> len = lengths(ark);
    assertEquals(2, len.size(), "too-short and unknown-recording segments are skipped");
    assertEquals(18, len.get("u1"));
    assertEquals(28, len.get("u2"));
  }
}
