package org.asrdistill.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.asrdistill.eval.report.ResultRecord.EpochPoint;
import org.asrdistill.eval.report.ResultRecord.WerScore;

/**
 * Builds the results report from result records: a Table 1 analogue (baseline, ensemble, distilled), a
 * Table 5 analogue (small-data training, hard and soft targets), training curves, WER against
 * temperature and WER against LM weight, and a list of every result.
 */
public final class ReportBuilder {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 340;

  /** The rendered report: Markdown, self-contained HTML, and the plots as SVG documents by name. */
  public record Report(String markdown, String html, Map<String, String> plots) {
  }

  private ReportBuilder() {
  }

  /** Builds the report of {@code records}. */
  public static Report build(List<ResultRecord> records) {
    ReportDocument doc = new ReportDocument("asr-distill results");
    doc.paragraph(records.size() + " result records.");
    table1(doc, records);
    table5(doc, records);
    curves(doc, records);
    temperature(doc, records);
    lmWeight(doc, records);
    everything(doc, records);
    return new Report(doc.markdown(), doc.html(), doc.plots());
  }

  /** Builds the report and writes report.md, report.html and plots/*.svg into {@code outDir}. */
  public static Report write(Path outDir, List<ResultRecord> records) throws IOException {
    Report r = build(records);
    Path plots = outDir.resolve("plots");
    Files.createDirectories(plots);
    for (Map.Entry<String, String> e : r.plots().entrySet()) {
      Results.writeAtomically(plots.resolve(e.getKey() + ".svg"), e.getValue());
    }
    Results.writeAtomically(outDir.resolve("report.md"), r.markdown());
    Results.writeAtomically(outDir.resolve("report.html"), r.html());
    return r;
  }

  private static void table1(ReportDocument doc, List<ResultRecord> records) {
    doc.heading(2, "Table 1: baseline, ensemble and distilled models", "table-1");
    doc.paragraph("Test frame accuracy and WER (best over LM weights) of the systems of experiment 'table1'. "
        + "Paper (Hinton, Vinyals and Dean 2015, Table 1): baseline 58.9% / 10.9%, 10x ensemble 61.1% / 10.7%, "
        + "distilled single model 60.8% / 10.7%.");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, List<ResultRecord>> e : bySystem(records, "table1").entrySet()) {
      List<ResultRecord> rs = e.getValue();
      ResultRecord.FrameScore fa = pick(rs, "test", ResultRecord::frameAccuracy);
      ResultRecord bestWer = bestWer(rs);
      Long params = first(rs, r -> r.model() == null ? null : r.model().parameters());
      ResultRecord.Timings t = bestWer != null && bestWer.timings() != null
          && bestWer.timings().realTimeFactor() != null ? bestWer.timings()
          : pick(rs, "test", r -> r.timings() != null && r.timings().realTimeFactor() != null ? r.timings() : null);
      rows.add(List.of(e.getKey(), fa == null ? "-" : pct(fa.accuracy()),
          bestWer == null ? "-" : wer(bestWer.wer()), params == null ? "-" : String.format(Locale.ROOT, "%,d", params),
          t == null || t.realTimeFactor() == null ? "-" : String.format(Locale.ROOT, "%.3f", t.realTimeFactor()),
          t == null || t.framesPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.0f", t.framesPerSecond())));
    }
    emptyOr(doc, rows, List.of("System", "Test frame accuracy", "WER", "Parameters", "Real-time factor",
        "Frames/s"));
    ResultsSummary sum = ResultsSummary.of(records);
    if (sum.gainRecovered() != null) {
      doc.paragraph(String.format(Locale.ROOT, "The best distilled model (%s) recovers %.0f%% of the ensemble's test "
          + "frame-accuracy gain over the baseline (paper: 86%%).", sum.bestDistilled().name(),
          100 * sum.gainRecovered()));
    }
  }

  private static void table5(ReportDocument doc, List<ResultRecord> records) {
    doc.heading(2, "Table 5: training on a small part of the data, hard and soft targets", "table-5");
    doc.paragraph("Frame accuracy on the training data and the test data of the systems of experiment "
        + "'small-data'. Paper (Table 5, 3% of the data): hard targets 67.3% train / 44.5% test (early-stopped), "
        + "soft targets 65.4% / 57.0%; full-data baseline 63.4% / 58.9%.");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, List<ResultRecord>> e : bySystem(records, "small-data").entrySet()) {
      List<ResultRecord> rs = e.getValue();
      ResultRecord.Model m = first(rs, ResultRecord::model);
      ResultRecord.FrameScore train = exact(rs, "train", ResultRecord::frameAccuracy);
      ResultRecord.FrameScore test = exact(rs, "test", ResultRecord::frameAccuracy);
      rows.add(List.of(e.getKey(), m == null || m.targets() == null ? "-" : m.targets(),
          m == null || m.trainFraction() == null ? "-" : pct(m.trainFraction()),
          train == null ? "-" : pct(train.accuracy()), test == null ? "-" : pct(test.accuracy()),
          m == null || m.epochs() == null ? "-" : m.epochs() + (Boolean.TRUE.equals(m.earlyStopped()) ? " (early stop)"
              : "")));
    }
    emptyOr(doc, rows, List.of("System", "Targets", "Training data", "Train frame accuracy",
        "Test frame accuracy", "Epochs"));
    Double closed = ResultsSummary.of(records).gapClosed();
    if (closed != null) {
      doc.paragraph(String.format(Locale.ROOT, "Soft targets close %.0f%% of the test frame-accuracy gap between the "
          + "small-data hard-target model and the full-data baseline (paper: 87%%).", 100 * closed));
    }
  }

  private static void curves(ReportDocument doc, List<ResultRecord> records) {
    doc.heading(2, "Training curves", "training-curves");
    int n = 0;
    for (ResultRecord r : records) {
      if (r.curve() == null || r.curve().isEmpty()) {
        continue;
      }
      List<EpochPoint> c = r.curve();
      String slug = slug(r.system() + (r.experiment() == null ? "" : "-" + r.experiment())) + "-" + (++n);
      doc.plot("curve-loss-" + slug, "Loss by epoch: " + r.system(), Charts.lineChartSvg("curve-loss-" + slug,
          "Loss: " + r.system(), "epoch", "cross-entropy", List.of(
              series("train", c, EpochPoint::trainLoss), series("validation", c, EpochPoint::validLoss)),
          WIDTH, HEIGHT));
      doc.plot("curve-acc-" + slug, "Frame accuracy by epoch: " + r.system(),
          Charts.lineChartSvg("curve-acc-" + slug, "Frame accuracy: " + r.system(), "epoch", "frame accuracy (%)",
              List.of(series("train", c, p -> times100(p.trainFrameAccuracy())),
                  series("validation", c, p -> times100(p.validFrameAccuracy()))), WIDTH, HEIGHT));
    }
    if (n == 0) {
      doc.paragraph("No training curves in these results.");
    }
  }

  private static void temperature(ReportDocument doc, List<ResultRecord> records) {
    doc.heading(2, "WER against temperature", "wer-vs-temperature");
    Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
    for (ResultRecord r : records) {
      if (r.wer() != null && r.model() != null && r.model().temperature() != null) {
        String name = r.dataset() == null ? "WER" : r.dataset();
        series.computeIfAbsent(name, k -> new TreeMap<>()).merge(r.model().temperature(), r.wer().percentWer(),
            Math::min);
      }
    }
    linePlot(doc, "wer-vs-temperature", "WER against distillation temperature (best over LM weights)",
        "temperature T", series);
  }

  private static void lmWeight(ReportDocument doc, List<ResultRecord> records) {
    doc.heading(2, "WER against LM weight", "wer-vs-lm-weight");
    Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
    for (ResultRecord r : records) {
      if (r.wer() != null && r.wer().lmWeight() != null) {
        String name = r.system() + (r.dataset() == null ? "" : " (" + r.dataset() + ")");
        series.computeIfAbsent(name, k -> new TreeMap<>()).merge(r.wer().lmWeight(), r.wer().percentWer(), Math::min);
      }
    }
    linePlot(doc, "wer-vs-lm-weight", "WER against LM weight", "LM weight", series);
  }

  private static void linePlot(ReportDocument doc, String name, String title, String xLabel,
      Map<String, TreeMap<Double, Double>> points) {
    if (points.isEmpty()) {
      doc.paragraph("No results of this kind.");
      return;
    }
    List<Charts.Series> series = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    points.forEach((s, m) -> {
      series.add(new Charts.Series(s, m.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
          m.values().stream().mapToDouble(Double::doubleValue).toArray()));
      m.forEach((x, y) -> rows.add(List.of(s, num(x), String.format(Locale.ROOT, "%.2f", y))));
    });
    doc.plot(name, title, Charts.lineChartSvg(name, title, xLabel, "WER (%)", series, WIDTH, HEIGHT));
    doc.table(List.of("Series", xLabel, "WER (%)"), rows);
  }

  private static void everything(ReportDocument doc, List<ResultRecord> records) {
    doc.heading(2, "All results", "all-results");
    List<List<String>> rows = new ArrayList<>();
    for (ResultRecord r : records) {
      rows.add(List.of(r.system(), r.kind(), orDash(r.experiment()), orDash(r.dataset()),
          r.frameAccuracy() == null ? "-" : pct(r.frameAccuracy().accuracy()),
          r.wer() == null ? "-" : wer(r.wer()),
          r.wer() == null || r.wer().lmWeight() == null ? "-" : num(r.wer().lmWeight()),
          r.model() == null || r.model().temperature() == null ? "-" : num(r.model().temperature()),
          r.provenance() == null || r.provenance().commit() == null ? "-"
              : r.provenance().commit().substring(0, Math.min(10, r.provenance().commit().length()))));
    }
    emptyOr(doc, rows, List.of("System", "Kind", "Experiment", "Data", "Frame accuracy", "WER", "LM weight", "T",
        "Commit"));
  }

  private static void emptyOr(ReportDocument doc, List<List<String>> rows, List<String> header) {
    if (rows.isEmpty()) {
      doc.paragraph("No results of this kind.");
    } else {
      doc.table(header, rows);
    }
  }

  /** Records of one experiment grouped by system: baseline, ensemble, distilled* first, then by name. */
  static Map<String, List<ResultRecord>> bySystem(List<ResultRecord> records, String experiment) {
    Map<String, List<ResultRecord>> m = new TreeMap<>(Comparator.comparingInt(ReportBuilder::rank)
        .thenComparing(Comparator.naturalOrder()));
    for (ResultRecord r : records) {
      if (experiment.equals(r.experiment())) {
        m.computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r);
      }
    }
    return new LinkedHashMap<>(m);
  }

  private static int rank(String system) {
    return system.startsWith("baseline") ? 0 : system.startsWith("ensemble") ? 1 : system.startsWith("distill") ? 2
        : 3;
  }

  /** The value from a record of {@code dataset}, else from any record; the last one found wins. */
  private static <T> T pick(List<ResultRecord> rs, String dataset, Function<ResultRecord, T> f) {
    T any = null;
    T exact = null;
    for (ResultRecord r : rs) {
      T v = f.apply(r);
      if (v != null) {
        any = v;
        if (dataset.equals(r.dataset())) {
          exact = v;
        }
      }
    }
    return exact != null ? exact : any;
  }

  /** The value from the last record of {@code dataset} that has one, else null. */
  private static <T> T exact(List<ResultRecord> rs, String dataset, Function<ResultRecord, T> f) {
    T v = null;
    for (ResultRecord r : rs) {
      if (dataset.equals(r.dataset()) && f.apply(r) != null) {
        v = f.apply(r);
      }
    }
    return v;
  }

  private static <T> T first(List<ResultRecord> rs, Function<ResultRecord, T> f) {
    return rs.stream().map(f).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** The record with the lowest WER, preferring the test set. */
  private static ResultRecord bestWer(List<ResultRecord> rs) {
    Comparator<ResultRecord> byWer = Comparator.comparingDouble(r -> r.wer().percentWer());
    return rs.stream().filter(r -> r.wer() != null && "test".equals(r.dataset())).min(byWer)
        .orElse(rs.stream().filter(r -> r.wer() != null).min(byWer).orElse(null));
  }

  private static Charts.Series series(String name, List<EpochPoint> c, Function<EpochPoint, Double> f) {
    double[] x = new double[c.size()];
    double[] y = new double[c.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = c.get(i).epoch();
      Double v = f.apply(c.get(i));
      y[i] = v == null ? Double.NaN : v;
    }
    return new Charts.Series(name, x, y);
  }

  private static Double times100(Double v) {
    return v == null ? null : 100 * v;
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  private static String wer(WerScore w) {
    return String.format(Locale.ROOT, "%.2f%% [%d / %d]", w.percentWer(),
        w.substitutions() + w.deletions() + w.insertions(), w.words());
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
  }
}
