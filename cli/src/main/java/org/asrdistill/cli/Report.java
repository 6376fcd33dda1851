package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.List;
import org.asrdistill.eval.report.ReportBuilder;
import org.asrdistill.eval.report.ResultRecord;
import org.asrdistill.eval.report.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report",
    header = "Collect result records (JSON) into report.md and a self-contained report.html with plots.",
    customSynopsis = "Usage: report [options] <dir-or-json>...",
    footer = {"Sections: Table 1 (baseline / ensemble / distilled), Table 5 (small data, hard vs soft targets),",
        "training curves, WER against temperature, WER against LM weight, all results. Schema: eval/RESULTS-SCHEMA.md",
        "e.g.: asr-distill report --out=exp/report exp/",
        "See also: compute-wer, frame-accuracy"})
public final class Report extends KaldiTool {
  @Option(names = "--out", paramLabel = "<dir>",
      description = "Output directory (report.md, report.html, plots/). Default: the first input directory.")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "<dir-or-json>")
  List<Path> inputs;

  @Override
  protected int run() throws Exception {
    List<ResultRecord> records = Results.collect(inputs);
    Path dir = out != null ? out : (inputs.get(0).toFile().isDirectory() ? inputs.get(0)
        : inputs.get(0).toAbsolutePath().getParent());
    ReportBuilder.Report r = ReportBuilder.write(dir, records);
    log("Wrote " + dir.resolve("report.md") + " and " + dir.resolve("report.html") + " from " + records.size()
        + " result records, " + r.plots().size() + " plots.");
    return records.isEmpty() ? 1 : 0;
  }
}
