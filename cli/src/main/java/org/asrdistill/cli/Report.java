package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.List;
import org.asrdistill.eval.report.ReportBuilder;
import org.asrdistill.eval.report.ResultRecord;
import org.asrdistill.eval.report.Results;
import org.asrdistill.eval.report.ResultsSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report",
    header = "Collect result records (JSON) into report.md and a self-contained report.html with plots.",
    customSynopsis = "Usage: report [options] <dir-or-json>...",
    footer = {"Sections: Table 1 (baseline / ensemble / distilled), Table 5 (small data, hard vs soft targets),",
        "training curves, WER against temperature, WER against LM weight, all results. Schema: eval/RESULTS-SCHEMA.md",
        "--results-json/--results-md write a recipe's headline results (RESULTS.json with commit, command, systems,",
        "small_data, gain_recovered, gap_closed; RESULTS.md with the same tables).",
        "e.g.: asr-distill report --out=exp/report exp/",
        "See also: compute-wer, nnet-frame-accuracy"})
public final class Report extends KaldiTool {
  @Option(names = "--out", paramLabel = "<dir>",
      description = "Output directory (report.md, report.html, plots/). Default: the first input directory.")
  Path out;

  @Option(names = "--results-json", paramLabel = "<file>", description = "Also write the headline results as JSON.")
  Path resultsJson;

  @Option(names = "--results-md", paramLabel = "<file>", description = "Also write the headline results as Markdown.")
  Path resultsMd;

  @Option(names = "--title", description = "Title of the --results-md file. Default: ${DEFAULT-VALUE}")
  String title = "Results";

  @Option(names = "--command", description = "The command that produced the results, for --results-json/-md.")
  String command;

  @Option(names = "--wall-seconds", description = "Wall time of that command, for --results-json/-md.")
  Double wallSeconds;

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
    ResultsSummary sum = ResultsSummary.of(records);
    String commit = Results.commit();
    if (resultsJson != null) {
      Results.writeAtomically(resultsJson, sum.json(commit, command, wallSeconds));
      log("Wrote " + resultsJson);
    }
    if (resultsMd != null) {
      StringBuilder sb = new StringBuilder("# " + title + "\n\n");
      if (command != null) {
        sb.append("Produced by `").append(command).append("`");
        sb.append(wallSeconds == null ? "" : String.format(java.util.Locale.ROOT, " in %.1f minutes",
            wallSeconds / 60));
        sb.append(commit == null ? "" : " at commit `" + commit + "`").append(".\n\n");
      }
      sb.append(sum.markdown());
      Results.writeAtomically(resultsMd, sb.toString());
      log("Wrote " + resultsMd);
    }
    return records.isEmpty() ? 1 : 0;
  }
}
