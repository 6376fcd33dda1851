package org.asrdistill.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asrdistill.eval.wer.ErrorCounts;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
  @TempDir
  Path tmp;

  @Test
  void jsonRoundTrip() throws Exception {
    ResultRecord r = ResultRecord.builder("scoring", "distilled-T2").experiment("table1").dataset("test")
        .model(new ResultRecord.Model("dnn", 85_000_000L, 8, 2560, 14000, null, 2.0, 0.5, "soft", 1.0, 12, false))
        .frameAccuracy(ResultRecord.FrameScore.of(1000, 608))
        .wer(ResultRecord.WerScore.of(new ErrorCounts(10, 4, 100, 90, 6, 4, 2)).withLmWeight(10.0, 0.0)
            .withInterval(9.5, 14.5))
        .timings(new ResultRecord.Timings(1.5, 3000L, 2000.0, 30.0, 0.05))
        .curve(List.of(new ResultRecord.EpochPoint(1, 2.5, 2.7, 0.4, 0.38, 0.001)))
        .provenance(Results.provenance("compute-wer", "asr-distill compute-wer a b", 7L))
        .build();
    Path f = tmp.resolve("sub/wer.json");
    Results.write(f, r);
    ResultRecord back = Results.read(f);
    assertEquals(r, back);
    assertEquals(12.0, back.wer().percentWer(), 1e-12);
    assertEquals(ResultRecord.SCHEMA_VERSION, back.schemaVersion());
    String json = Files.readString(f);
    assertFalse(json.contains("ensembleSize"), "null fields are left out");
    try (var s = Files.list(f.getParent())) {
      assertEquals(1, s.count(), "no temporary files left behind");
    }
  }

  @Test
  void collectIgnoresOtherJsonAndRejectsBrokenRecords() throws Exception {
    Results.write(tmp.resolve("a/x.json"), ResultRecord.builder("training", "baseline").build());
    Files.writeString(tmp.resolve("a/model.json"), "{\"pdfs\": 3}");
    Files.writeString(tmp.resolve("a/notes.json"), "not json at all");
    assertEquals(1, Results.collect(List.of(tmp)).size());
    Files.writeString(tmp.resolve("a/y.json"), "{\"schemaVersion\": 1, \"kind\": \"scoring\"}");
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> Results.collect(List.of(tmp)));
    assertTrue(e.getMessage().contains("y.json"), e.getMessage());
  }
}
