package org.asrdistill.cli;

import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstproject",
    header = "Projects a transduction onto its input or output labels (OpenFst's fstproject).",
    customSynopsis = "Usage: fstproject [--project_output] [--project_type=input|output] [in.fst [out.fst]]",
    footer = {"e.g.: fstproject --project_output=true L.fst words.fst", "See also: fstinvert"})
public final class FstProject extends KaldiTool {
  @Option(names = "--project_output", arity = "0..1", fallbackValue = "true",
      description = "Project on output labels (OpenFst 1.7). Default: ${DEFAULT-VALUE}")
  boolean projectOutput;

  @Option(names = "--project_type", description = "input or output (OpenFst 1.8); overrides --project_output")
  String projectType;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    boolean output = projectOutput;
    if (projectType != null) {
      if (!projectType.equals("input") && !projectType.equals("output")) {
        throw new IllegalArgumentException("--project_type must be input or output; got: " + projectType);
      }
      output = projectType.equals("output");
    }
    VectorFst fst = VectorFst.copyOf(FstFiles.read(in));
    Labels.project(fst, output);
    FstFiles.write(fst, out, "vector");
    return 0;
  }
}
