package org.asrdistill.eval.wer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-utterance, per-speaker and total counts equal sclite's (golden files always, live sclite when installed). */
class ScliteEqualityTest {
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ScliteEqualityTest.class.getResource("/sclite/" + name).toURI());
  }

  @Test
  void countsEqualGoldenScliteOutput() throws Exception {
    Path dir = resource("ref.trn").getParent();
    int compared = compare(dir.resolve("ref.trn"), dir.resolve("hyp.trn"),
        ScliteOutputs.parseRaw(ScliteOutputs.lines(dir.resolve("sclite.raw"))),
        ScliteOutputs.parsePraScores(ScliteOutputs.lines(dir.resolve("sclite.pra-scores"))));
    assertEquals(1500, compared);
  }

  @Test
  void countsEqualLiveSclite(@TempDir Path tmp) throws Exception {
    assumeTrue(onPath("sctk"), "sctk (Debian package sctk) is not installed");
    TrnPairGenerator.write(TrnPairGenerator.generate(1200, 777), tmp);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Process p = new ProcessBuilder("sctk", "sclite", "-r", "ref.trn", "trn", "-h", "hyp.trn", "trn", "-i", "spu_id",
        "-O", "out", "-o", "rsum", "pra").directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("sclite.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sclite timed out");
    assertEquals(0, p.exitValue(), () -> "sclite failed: " + tmp.resolve("sclite.log"));
    int compared = compare(tmp.resolve("ref.trn"), tmp.resolve("hyp.trn"),
        ScliteOutputs.parseRaw(ScliteOutputs.lines(out.resolve("hyp.trn.raw"))),
        ScliteOutputs.parsePraScores(ScliteOutputs.lines(out.resolve("hyp.trn.pra"))));
    assertEquals(1200, compared);
  }

  private static int compare(Path ref, Path hyp, Map<String, long[]> raw, Map<String, int[]> pra) throws Exception {
    WerResult r = new WerScorer(WerOptions.defaults())
        .score(Transcripts.read(ref.toString()), Transcripts.read(hyp.toString()), Speakers.spuIdRule());
    assertEquals(pra.size(), r.utterances().size());
    for (UtteranceResult u : r.utterances()) {
      int[] expected = pra.get(u.key());
      assertArrayEquals(expected, new int[] {u.correct(), u.substitutions(), u.deletions(), u.insertions()},
          () -> "C S D I of " + u.key());
    }
    assertEquals(raw.size() - 1, r.speakers().size());
    for (Map.Entry<String, ErrorCounts> e : r.speakers().entrySet()) {
      assertArrayEquals(raw.get(e.getKey()), row(e.getValue()), "speaker " + e.getKey());
    }
    assertArrayEquals(raw.get("Sum"), row(r.total()), "Sum row");
    return r.utterances().size();
  }

  private static long[] row(ErrorCounts c) {
    return new long[] {c.sentences(), c.refWords(), c.correct(), c.substitutions(), c.deletions(), c.insertions(),
        c.errors(), c.sentenceErrors()};
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }
}
