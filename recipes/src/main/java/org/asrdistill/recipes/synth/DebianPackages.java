package org.asrdistill.recipes.synth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Makes sure the Debian packages a corpus needs are installed: as root they are installed with apt-get;
 * otherwise the exact {@code apt-get install} line is given in the error.
 */
public final class DebianPackages {
  private DebianPackages() {
  }

  /** Returns the packages of {@code wanted} that are not installed. */
  public static List<String> missing(Collection<String> wanted) throws IOException, InterruptedException {
    List<String> out = new ArrayList<>();
    for (String p : new TreeSet<>(wanted)) {
      Process proc = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", p)
          .redirectErrorStream(true).start();
      String status = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      proc.waitFor();
      if (!status.contains("install ok installed")) {
        out.add(p);
      }
    }
    return out;
  }

  /** Installs missing packages when running as root, else fails with the command to run. */
  public static void ensure(Collection<String> wanted, java.util.function.Consumer<String> log)
      throws IOException, InterruptedException {
    List<String> miss = missing(wanted);
    if (miss.isEmpty()) {
      return;
    }
    String line = "apt-get install -y " + String.join(" ", miss);
    if (!isRoot()) {
      throw new IOException("missing Debian packages; please run: sudo apt-get update && sudo " + line);
    }
    log.accept("Installing Debian packages: " + String.join(" ", miss));
    Synthesizer.exec(List.of("apt-get", "update", "-qq"), null);
    List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
    cmd.addAll(miss);
    Synthesizer.exec(cmd, null);
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    return new String(Synthesizer.exec(List.of("id", "-u"), null),
        java.nio.charset.StandardCharsets.US_ASCII).strip().equals("0");
  }
}
