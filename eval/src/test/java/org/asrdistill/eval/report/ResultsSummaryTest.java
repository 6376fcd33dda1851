package org.asrdistill.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsSummaryTest {
  private static ResultRecord fa(String experiment, String system, String dataset, long correct, long params,
      String targets) {
    return ResultRecord.builder("frame-accuracy", system).experiment(experiment).dataset(dataset)
        .frameAccuracy(ResultRecord.FrameScore.of(1000, correct))
        .model(new ResultRecord.Model("dnn", params, 4, 512, 280, 1, null, null, targets, null, null, null)).build();
  }

  private static ResultRecord wer(String system, String dataset, long errors) {
    return ResultRecord.builder("scoring", system).experiment("table1").dataset(dataset)
        .wer(new ResultRecord.WerScore(1000, 1000 - errors, errors, 0, 0, 100, errors, errors / 10.0, null, null,
            null, null)).build();
  }

  private static List<ResultRecord> records() {
    List<ResultRecord> r = new ArrayList<>();
    r.add(fa("table1", "baseline", "test", 700, 100, "hard"));
    r.add(wer("baseline", "test", 20));
    r.add(fa("table1", "ensemble", "test", 800, 1000, "hard"));
    r.add(fa("table1", "distilled-T2", "test", 780, 100, "soft"));
    r.add(fa("table1", "distilled-T5", "test", 760, 100, "soft"));
    r.add(wer("distilled-T2", "test", 18));
    // a compressed student above every full-size one must not count as "the best distilled model"
    r.add(fa("compression", "distilled-h64", "test", 790, 25, "soft"));
    r.add(fa("small-data", "small-data-hard", "test", 500, 100, "hard"));
    r.add(fa("small-data", "small-data-hard", "train", 950, 100, "hard"));
    r.add(fa("small-data", "small-data-soft", "test", 650, 100, "soft"));
    return r;
  }

  @Test
  void ratiosFollowThePapersDefinitions() {
    ResultsSummary s = ResultsSummary.of(records());
    assertEquals("distilled-T2", s.bestDistilled().name());
    assertEquals((0.78 - 0.70) / (0.80 - 0.70), s.gainRecovered(), 1e-12);
    assertEquals((0.65 - 0.50) / (0.70 - 0.50), s.gapClosed(), 1e-12);
    assertEquals(List.of("baseline", "ensemble", "distilled-T2", "distilled-T5", "distilled-h64"),
        s.systems().stream().map(ResultsSummary.SystemRow::name).toList());
    assertEquals(0.95, s.smallData().get(0).frameAccTrain(), 1e-12);
  }

  @Test
  void jsonHasTheIssuesFieldsInPercent() throws Exception {
    JsonNode j = new ObjectMapper().readTree(ResultsSummary.of(records()).json("abc", "run.sh", 61.0));
    assertEquals("abc", j.get("commit").asText());
    assertEquals(61, j.get("wall_seconds").asInt());
    JsonNode base = j.get("systems").get(0);
    assertEquals("baseline", base.get("name").asText());
    assertEquals(100, base.get("params").asLong());
    assertEquals(70.0, base.get("frame_acc_test").asDouble(), 1e-9);
    assertEquals(2.0, base.get("wer_test").asDouble(), 1e-9);
    assertEquals(0.8, j.get("gain_recovered").asDouble(), 1e-9);
    assertEquals(0.75, j.get("small_data").get("gap_closed").asDouble(), 1e-9);
    String md = ResultsSummary.of(records()).markdown();
    assertTrue(md.contains("recovers 80% of the ensemble's test frame-accuracy gain"), md);
    assertTrue(md.contains("close 75% of the test frame-accuracy gap"), md);
  }

  @Test
  void missingSystemsGiveNoRatios() {
    ResultsSummary s = ResultsSummary.of(List.of(fa("table1", "baseline", "test", 700, 100, "hard")));
    assertNull(s.gainRecovered());
    assertNull(s.gapClosed());
    assertNull(s.bestDistilled());
  }
}
