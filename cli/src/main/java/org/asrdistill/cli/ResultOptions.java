package org.asrdistill.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a scoring tool writes its result record (eval/RESULTS-SCHEMA.md) and the row it fills in the report. */
final class ResultOptions {
  @Option(names = "--write-result", paramLabel = "<json>", description = "Write a result record (JSON).")
  Path file;

  @Option(names = "--system", description = "System name for the result record. Default: ${DEFAULT-VALUE}")
  String system = "system";

  @Option(names = "--experiment", description = "Experiment for the result record (table1, small-data, "
      + "temperature-sweep, lm-weight-sweep, ...).")
  String experiment;

  @Option(names = "--dataset", description = "Data set name for the result record (e.g. test, train).")
  String dataset;
}
