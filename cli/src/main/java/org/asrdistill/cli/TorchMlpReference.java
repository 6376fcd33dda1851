package org.asrdistill.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asrdistill.acoustic.dnn.DnnTopology;

/** Runs the PyTorch reference {@code torch_mlp.py} (shared/bench) and parses the rates it prints. */
final class TorchMlpReference {
  private static final Pattern TRAIN = Pattern.compile("train frames/s=([0-9.]+)");
  private static final Pattern INFER = Pattern.compile("infer frames/s=([0-9.]+)");

  /** Frames per second measured by the script. */
  record Rates(double train, double infer) {}

  private TorchMlpReference() {}

  /**
   * The default script: {@code shared/bench/torch_mlp.py} beside the repository root or one of its parent
   * directories (the repository root is found from the location of the running jar).
   */
  static Optional<Path> defaultScript() {
    try {
      Path p = Path.of(TorchMlpReference.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path d = p.toAbsolutePath().getParent(); d != null; d = d.getParent()) {
        Path candidate = d.resolve("shared/bench/torch_mlp.py");
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Runs the script on the same network and batch; empty (with the reason in {@code why}) when it cannot. */
  static Optional<Rates> run(String python, Path script, DnnTopology t, int batch, int iters, StringBuilder why)
      throws InterruptedException {
    if (!Files.isRegularFile(script)) {
      why.append("no script at ").append(script);
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>(List.of(python, script.toString(), Integer.toString(t.inputDim()),
        Integer.toString(t.hiddenDim()), Integer.toString(t.hiddenLayers()), Integer.toString(t.numPdfs()),
        Integer.toString(batch), Integer.toString(iters)));
    String out;
    int status;
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      status = p.waitFor();
    } catch (IOException e) {
      why.append("cannot run ").append(python).append(": ").append(e.getMessage());
      return Optional.empty();
    }
    Matcher train = TRAIN.matcher(out);
    Matcher infer = INFER.matcher(out);
    if (status != 0 || !train.find() || !infer.find()) {
      String tail = out.strip();
      why.append(String.join(" ", cmd)).append(" exited with status ").append(status).append(": ")
          .append(tail.substring(Math.max(0, tail.length() - 300)));
      return Optional.empty();
    }
    return Optional.of(new Rates(Double.parseDouble(train.group(1)), Double.parseDouble(infer.group(1))));
  }
}
