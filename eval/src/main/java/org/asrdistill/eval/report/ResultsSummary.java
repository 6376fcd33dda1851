package org.asrdistill.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recipe's headline results from its result records: per system of experiment {@code table1} (and of
 * {@code compression}, the smaller students) the parameters,
 * frame accuracy and WER on dev and test; per system of {@code small-data} the targets, data fraction, train and
 * test frame accuracy; and the two ratios the paper reports: the share of the ensemble's frame-accuracy gain over
 * the baseline that the best distilled model recovers, and the share of the gap between the small-data hard-target
 * model and the full-data baseline that soft targets close. Rendered as RESULTS.json and as Markdown.
 */
public final class ResultsSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One row of Table 1 (fractions 0..1 for accuracies, percent for WER; null when not measured). */
  public record SystemRow(String name, Long params, Integer ensembleSize, Double temperature, Double frameAccDev,
      Double frameAccTest, Double werDev, Double werTest, String werTestDetail) {
  }

  /** One row of Table 5. */
  public record SmallDataRow(String name, String targets, Double trainFraction, Double frameAccTrain,
      Double frameAccTest, Integer epochs, Boolean earlyStopped) {
  }

  private final List<SystemRow> systems;
  private final List<SmallDataRow> smallData;

  private ResultsSummary(List<SystemRow> systems, List<SmallDataRow> smallData) {
    this.systems = systems;
    this.smallData = smallData;
  }

  /** Collects the summary from result records (later records of the same system and data set win). */
  public static ResultsSummary of(List<ResultRecord> records) {
    List<SystemRow> sys = new ArrayList<>();
    Map<String, List<ResultRecord>> rows = new java.util.LinkedHashMap<>(ReportBuilder.bySystem(records, "table1"));
    rows.putAll(ReportBuilder.bySystem(records, "compression"));
    for (Map.Entry<String, List<ResultRecord>> e : rows.entrySet()) {
      List<ResultRecord> rs = e.getValue();
      ResultRecord.Model m = model(rs);
      ResultRecord.WerScore wt = last(rs, "test", ResultRecord::wer);
      sys.add(new SystemRow(e.getKey(), m == null ? null : m.parameters(), m == null ? null : m.ensembleSize(),
          m == null ? null : m.temperature(), acc(last(rs, "dev", ResultRecord::frameAccuracy)),
          acc(last(rs, "test", ResultRecord::frameAccuracy)), wer(last(rs, "dev", ResultRecord::wer)), wer(wt),
          wt == null ? null : String.format(Locale.ROOT, "%d / %d", wt.substitutions() + wt.deletions()
              + wt.insertions(), wt.words())));
    }
    List<SmallDataRow> small = new ArrayList<>();
    for (Map.Entry<String, List<ResultRecord>> e : ReportBuilder.bySystem(records, "small-data").entrySet()) {
      List<ResultRecord> rs = e.getValue();
      ResultRecord.Model m = model(rs);
      small.add(new SmallDataRow(e.getKey(), m == null ? null : m.targets(), m == null ? null : m.trainFraction(),
          acc(last(rs, "train", ResultRecord::frameAccuracy)), acc(last(rs, "test", ResultRecord::frameAccuracy)),
          m == null ? null : m.epochs(), m == null ? null : m.earlyStopped()));
    }
    return new ResultsSummary(sys, small);
  }

  public List<SystemRow> systems() {
    return systems;
  }

  public List<SmallDataRow> smallData() {
    return smallData;
  }

  /**
   * The best distilled system of the baseline's size (the paper's setting; compressed students do not count) by
   * test frame accuracy, or null.
   */
  public SystemRow bestDistilled() {
    SystemRow b = find("baseline");
    return systems.stream().filter(s -> s.name().startsWith("distill") && s.frameAccTest() != null
        && (b == null || b.params() == null || b.params().equals(s.params())))
        .max(Comparator.comparingDouble(SystemRow::frameAccTest)).orElse(null);
  }

  /** (best distilled - baseline) / (ensemble - baseline) in test frame accuracy, or null. */
  public Double gainRecovered() {
    SystemRow b = find("baseline");
    SystemRow e = find("ensemble");
    SystemRow d = bestDistilled();
    if (b == null || e == null || d == null || b.frameAccTest() == null || e.frameAccTest() == null) {
      return null;
    }
    return (d.frameAccTest() - b.frameAccTest()) / (e.frameAccTest() - b.frameAccTest());
  }

  /** (soft - hard) / (full-data baseline - hard) in test frame accuracy of the small-data runs, or null. */
  public Double gapClosed() {
    SystemRow b = find("baseline");
    SmallDataRow hard = smallData.stream().filter(s -> "hard".equals(s.targets())).findFirst().orElse(null);
    SmallDataRow soft = smallData.stream().filter(s -> "soft".equals(s.targets())).findFirst().orElse(null);
    if (b == null || hard == null || soft == null || b.frameAccTest() == null || hard.frameAccTest() == null
        || soft.frameAccTest() == null) {
      return null;
    }
    return (soft.frameAccTest() - hard.frameAccTest()) / (b.frameAccTest() - hard.frameAccTest());
  }

  private SystemRow find(String name) {
    return systems.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /** RESULTS.json: commit, command, systems (percent figures), small_data, and the two ratios. */
  public String json(String commit, String command, Double wallSeconds) {
    ObjectNode root = JSON.createObjectNode();
    root.put("commit", commit);
    root.put("command", command);
    if (wallSeconds != null) {
      root.put("wall_seconds", Math.round(wallSeconds));
    }
    ArrayNode a = root.putArray("systems");
    for (SystemRow s : systems) {
      ObjectNode o = a.addObject();
      o.put("name", s.name());
      putIf(o, "params", s.params());
      putIf(o, "ensemble_size", s.ensembleSize());
      putIf(o, "temperature", s.temperature());
      putIf(o, "frame_acc_dev", pct(s.frameAccDev()));
      putIf(o, "frame_acc_test", pct(s.frameAccTest()));
      putIf(o, "wer_dev", round(s.werDev()));
      putIf(o, "wer_test", round(s.werTest()));
    }
    ObjectNode sd = root.putObject("small_data");
    ArrayNode sa = sd.putArray("systems");
    for (SmallDataRow s : smallData) {
      ObjectNode o = sa.addObject();
      o.put("name", s.name());
      putIf(o, "targets", s.targets());
      putIf(o, "train_fraction", round(s.trainFraction()));
      putIf(o, "frame_acc_train", pct(s.frameAccTrain()));
      putIf(o, "frame_acc_test", pct(s.frameAccTest()));
      putIf(o, "epochs", s.epochs());
      putIf(o, "early_stopped", s.earlyStopped());
    }
    putIf(sd, "gap_closed", round(gapClosed()));
    SystemRow best = bestDistilled();
    if (best != null) {
      root.put("best_distilled", best.name());
    }
    putIf(root, "gain_recovered", round(gainRecovered()));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Markdown tables (Table 1 and Table 5 analogues) with the two ratios. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| System | Parameters | Frame acc. dev | Frame acc. test | WER dev | WER test |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (SystemRow s : systems) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", s.name(),
          s.params() == null ? "-" : String.format(Locale.ROOT, "%,d", s.params()), pctText(s.frameAccDev()),
          pctText(s.frameAccTest()), werText(s.werDev(), null), werText(s.werTest(), s.werTestDetail())));
    }
    Double g = gainRecovered();
    if (g != null) {
      sb.append(String.format(Locale.ROOT, "%nThe best distilled model (%s) recovers %.0f%% of the ensemble's test "
          + "frame-accuracy gain over the baseline (paper: 86%%).%n", bestDistilled().name(), 100 * g));
    }
    if (!smallData.isEmpty()) {
      sb.append("\n| Small-data system | Targets | Training data | Frame acc. train | Frame acc. test | Epochs |\n");
      sb.append("|---|---|---:|---:|---:|---|\n");
      for (SmallDataRow s : smallData) {
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", s.name(),
            s.targets() == null ? "-" : s.targets(), pctText(s.trainFraction()), pctText(s.frameAccTrain()),
            pctText(s.frameAccTest()), s.epochs() == null ? "-" : s.epochs()
                + (Boolean.TRUE.equals(s.earlyStopped()) ? " (early stop)" : "")));
      }
      Double c = gapClosed();
      if (c != null) {
        sb.append(String.format(Locale.ROOT, "%nSoft targets close %.0f%% of the test frame-accuracy gap between the "
            + "small-data hard-target model and the full-data baseline (paper: 87%%).%n", 100 * c));
      }
    }
    return sb.toString();
  }

  private static ResultRecord.Model model(List<ResultRecord> rs) {
    ResultRecord.Model m = null;
    for (ResultRecord r : rs) {
      m = r.model() != null ? r.model() : m;
    }
    return m;
  }

  private static <T> T last(List<ResultRecord> rs, String dataset, java.util.function.Function<ResultRecord, T> f) {
    T v = null;
    for (ResultRecord r : rs) {
      if (dataset.equals(r.dataset()) && f.apply(r) != null) {
        v = f.apply(r);
      }
    }
    return v;
  }

  private static Double acc(ResultRecord.FrameScore f) {
    return f == null ? null : f.accuracy();
  }

  private static Double wer(ResultRecord.WerScore w) {
    return w == null ? null : w.percentWer();
  }

  private static Double pct(Double fraction) {
    return fraction == null ? null : round(100 * fraction);
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 10000) / 10000.0;
  }

  private static String pctText(Double fraction) {
    return fraction == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  private static String werText(Double wer, String detail) {
    return wer == null ? "-" : String.format(Locale.ROOT, "%.2f%%", wer) + (detail == null ? "" : " [" + detail + "]");
  }

  private static void putIf(ObjectNode o, String k, Object v) {
    if (v instanceof String s) {
      o.put(k, s);
    } else if (v instanceof Long l) {
      o.put(k, l);
    } else if (v instanceof Integer i) {
      o.put(k, i);
    } else if (v instanceof Double d) {
      o.put(k, d);
    } else if (v instanceof Boolean b) {
      o.put(k, b);
    }
  }
}
