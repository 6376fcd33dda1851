package org.asrdistill.kaldiio.datadir;

import java.util.ArrayList;
import java.util.List;

/** What {@link DataDirValidator} found: errors (the directory is invalid) and warnings. */
public record ValidationReport(List<Problem> errors, List<Problem> warnings) {
  public ValidationReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** True when there is no error (warnings allowed). */
  public boolean ok() {
    return errors.isEmpty();
  }

  /** Each error as {@code file:line: message}. */
  public List<String> errorLines() {
    List<String> out = new ArrayList<>();
    for (Problem p : errors) {
      out.add(p.toString());
    }
    return out;
  }
}
