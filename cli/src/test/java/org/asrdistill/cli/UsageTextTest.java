package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

import org.junit.jupiter.api.Test;

/** Every tool's --help text renders: a stray '%' in a header or footer makes picocli print its raw format string. */
class UsageTextTest {
  @Test
  void everyUsageTextFormats() {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringBuilder bad = new StringBuilder();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      for (Map.Entry<String, CommandLine> e : AsrDistill.commandLine().getSubcommands().entrySet()) {
        err.reset();
        String usage = e.getValue().getUsageMessage();
        String warnings = err.toString(StandardCharsets.UTF_8);
        if (warnings.contains("picocli WARN") || usage.isBlank()) {
          bad.append(e.getKey()).append(": ").append(warnings.lines().findFirst().orElse("empty usage"))
              .append('\n');
        }
      }
    } finally {
      System.setErr(saved);
    }
    assertTrue(bad.length() == 0, "usage texts that do not format:\n" + bad);
  }
}
