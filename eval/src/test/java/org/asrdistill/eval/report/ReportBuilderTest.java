package org.asrdistill.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a report from the fixture results and checks its tables and plots. */
class ReportBuilderTest {
  @Test
  void rendersTablesAndPlotsWithoutExternalReferences(@TempDir Path out) throws Exception {
    Path fixtures = Path.of(getClass().getResource("/report-fixtures/README.md").toURI()).getParent();
    List<ResultRecord> records = Results.collect(List.of(fixtures));
    assertEquals(24, records.size(), "model.json is not a result record");
    ReportBuilder.Report r = ReportBuilder.write(out, records);

    String md = Files.readString(out.resolve("report.md"));
    String html = Files.readString(out.resolve("report.html"));
    for (String doc : List.of(md, html)) {
      assertTrue(doc.contains("Table 1: baseline, ensemble and distilled models"));
      assertTrue(doc.contains("Table 5: training on a small part of the data"));
      assertTrue(doc.contains("WER against temperature"));
      assertTrue(doc.contains("WER against LM weight"));
    }
    // Table 1: best WER over LM weights, test frame accuracy, parameters, speed
    assertTrue(md.contains("| baseline | 58.9% | 10.90% [1090 / 10000] | 2,400,000 | 0.004 | 28800 |"), md);
    assertTrue(md.contains("| ensemble | 61.1% | 10.70% [1070 / 10000] | 24,000,000 | 0.035 | 28800 |"), md);
    assertTrue(md.indexOf("| baseline |") < md.indexOf("| ensemble |")
        && md.indexOf("| ensemble |") < md.indexOf("| distilled-T2 | 60.8%"));
    // Table 5: train and test frame accuracy, hard vs soft targets
    assertTrue(md.contains("| small-data-hard | hard | 3.0% | 67.3% | 44.5% | 8 (early stop) |"), md);
    assertTrue(md.contains("| small-data-soft | soft | 3.0% | 65.4% | 57.0% | 20 |"), md);
    // plots: two training curves (loss and accuracy) for baseline and distilled, T sweep, LM weight
    assertTrue(r.plots().keySet().containsAll(List.of("wer-vs-temperature", "wer-vs-lm-weight")), r.plots().keySet()::toString);
    assertEquals(2, r.plots().keySet().stream().filter(k -> k.startsWith("curve-loss-")).count());
    assertEquals(2, r.plots().keySet().stream().filter(k -> k.startsWith("curve-acc-")).count());
    for (String name : r.plots().keySet()) {
      assertTrue(md.contains("](plots/" + name + ".svg)"), name);
      assertTrue(Files.readString(out.resolve("plots/" + name + ".svg")).contains("<svg"), name);
      assertTrue(html.contains("<figure id=\"plot-" + name + "\">\n<svg"), name);
    }
    assertTrue(html.contains("distillation temperature"));
    assertEquals(6, count(html, "<svg"));
    // temperature sweep table under the plot: best WER per T
    assertTrue(md.contains("| test | 2 | 10.75 |"), md);

    // self-contained: no src/href/url() pointing anywhere, no external scheme at all outside namespaces
    Matcher refs = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']([^\"']*)|url\\(\\s*['\"]?([^)'\"]*)").matcher(html);
    while (refs.find()) {
      String target = refs.group(2) != null ? refs.group(2) : refs.group(3);
      assertTrue(target.startsWith("#"), "external reference in report.html: " + refs.group());
    }
    String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=([\"'])[^\"']*\\2", "");
    assertFalse(withoutNamespaces.matches("(?s).*https?://.*"), "an http(s) URL outside namespace declarations");
  }

  @Test
  void emptyResultsStillRender() {
    ReportBuilder.Report r = ReportBuilder.build(List.of());
    assertTrue(r.markdown().contains("No results of this kind."));
    assertTrue(r.plots().isEmpty());
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
