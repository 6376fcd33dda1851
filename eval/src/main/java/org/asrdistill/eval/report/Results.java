package org.asrdistill.eval.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.asrdistill.kaldiio.KaldiFormatException;

/** Reads and writes {@link ResultRecord}s as JSON, and collects them from directories. */
public final class Results {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Results() {
  }

  /** Writes {@code record} to {@code file} through a temporary name renamed when complete. */
  public static void write(Path file, ResultRecord record) throws IOException {
    Path abs = file.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    writeAtomically(abs, toJson(record));
  }

  /**
   * Writes text to {@code file} atomically (temporary file {@code .<name>.tmp} in the same directory, then rename);
   * the file gets the usual permissions of new files (the umask), not a private temporary file's.
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path abs = file.toAbsolutePath();
    Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static String toJson(ResultRecord record) throws IOException {
    return MAPPER.writeValueAsString(record) + "\n";
  }

  public static ResultRecord fromJson(String json, String source) throws IOException {
    try {
      return MAPPER.readValue(json, ResultRecord.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      throw new KaldiFormatException(source, null, offset, "not a result record: " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new KaldiFormatException(source, null, -1, "invalid result record: " + e.getMessage(), e);
    }
  }

  public static ResultRecord read(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Every result record under the given files or directories (recursively, {@code *.json} files that
   * have a {@code schemaVersion} and a {@code kind}; other JSON files such as model.json are ignored),
   * in path order.
   */
  public static List<ResultRecord> collect(List<Path> roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(root)) {
        files.add(root);
      } else {
        throw new java.nio.file.NoSuchFileException(root.toString());
      }
    }
    List<ResultRecord> out = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      JsonNode node;
      try {
        node = MAPPER.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        continue; // not JSON we know
      }
      if (node != null && node.isObject() && node.has("schemaVersion") && node.has("kind")) {
        out.add(fromJson(text, f.toString()));
      }
    }
    return out;
  }

  /**
   * Provenance of the running program: the command line, the source commit ({@code ASR_DISTILL_COMMIT},
   * else {@code git rev-parse HEAD} in the working directory, else null), the seed and the current time.
   */
  public static ResultRecord.Provenance provenance(String tool, String commandLine, Long seed) {
    return new ResultRecord.Provenance(commandLine, commit(), seed, Instant.now().toString(), tool);
  }

  /** The source commit: env ASR_DISTILL_COMMIT, else {@code git rev-parse HEAD} here, else null. */
  public static String commit() {
    String env = System.getenv("ASR_DISTILL_COMMIT");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
        return out;
      }
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }
}
