package org.asrdistill.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every tool: logs the full command line first (so any output can be reproduced), then runs the
 * tool. Kaldi-style log lines go to standard error as {@code LOG (tool) message}.
 */
public abstract class KaldiTool implements Callable<Integer> {
  @Spec
  protected CommandSpec spec;

  /** The tool's work; returns the process exit status. */
  protected abstract int run() throws Exception;

  @Override
  public final Integer call() throws Exception {
    System.err.println(commandLine());
    return run();
  }

  /** The full command line of this run, as logged first. */
  protected String commandLineText() {
    return commandLine();
  }

  private String commandLine() {
    StringBuilder sb = new StringBuilder("asr-distill");
    for (String a : spec.root().commandLine().getParseResult().originalArgs()) {
      sb.append(' ').append(quote(a));
    }
    return sb.toString();
  }

  private static String quote(String a) {
    if (!a.isEmpty() && a.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_=:,./+%@[]".indexOf(c) >= 0)) {
      return a;
    }
    return "'" + a.replace("'", "'\\''") + "'";
  }

  protected String toolName() {
    return spec.name();
  }

  protected void log(String message) {
    System.err.println("LOG (" + toolName() + ") " + message);
  }

  protected void warn(String message) {
    System.err.println("WARNING (" + toolName() + ") " + message);
  }
}
