package org.asrdistill.acoustic.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;

/**
 * A Kaldi-style experiment directory ({@code exp/mono}, {@code exp/tri1}): numbered models {@code N.mdl},
 * {@code final.mdl}, {@code tree}, alignments {@code ali.1.gz}, and {@code log/}. Every file is written under a
 * temporary name and renamed when complete, so a killed run leaves only whole files and can be resumed.
 */
public final class ExpDir {
  private final Path dir;
  private final Consumer<String> console;

  public ExpDir(Path dir, Consumer<String> console) throws IOException {
    this.dir = dir;
    this.console = console;
    Files.createDirectories(dir.resolve("log"));
  }

  public Path dir() {
    return dir;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  public boolean has(String name) {
    return Files.isRegularFile(dir.resolve(name));
  }

  /** Logs a line to the console and appends it, time-stamped, to {@code log/<logName>}. */
  public void log(String logName, String line) {
    console.accept(line);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("log").resolve(logName),
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
      w.println(stamp + " " + line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes alignments as a gzipped binary archive (Kaldi's {@code ali.N.gz}), atomically. */
  public void writeAlignments(String name, List<String> keys, int[][] alis) throws IOException {
    Path tmp = dir.resolve(name + ".tmp");
    Files.deleteIfExists(tmp);
    try (TableWriter<int[]> w = TableWriter.open("ark:| gzip -c > '" + tmp.toString().replace("'", "'\\''") + "'",
        Holders.INT32_VECTOR)) {
      for (int i = 0; i < alis.length; i++) {
        if (alis[i] != null) {
          w.write(keys.get(i), alis[i]);
        }
      }
      w.commit();
    }
    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads alignment archives of a directory into a key -> alignment map: the named files, or by default every
   * {@code ali.N.gz} / {@code ali.N.ark} (Kaldi's split alignments).
   */
  public static Map<String, int[]> readAlignments(Path dir, String... names) throws IOException {
    List<Path> files = new ArrayList<>();
    if (names.length > 0) {
      for (String n : names) {
        files.add(dir.resolve(n));
      }
    } else {
      try (var s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().matches("ali\\.[0-9]+\\.(gz|ark)")).sorted().forEach(files::add);
      }
    }
    if (files.isEmpty()) {
      throw new IOException("no ali.N.gz or ali.N.ark files in " + dir);
    }
    Map<String, int[]> out = new HashMap<>();
    for (Path p : files) {
      String spec = p.toString().endsWith(".gz") ? "ark:gunzip -c '" + p.toString().replace("'", "'\\''") + "' |"
          : "ark:" + p;
      try (SequentialTableReader<int[]> r = SequentialTableReader.open(spec, Holders.INT32_VECTOR)) {
        while (r.next()) {
          out.put(r.key(), r.value().clone());
        }
      }
    }
    return out;
  }

  /** Replaces {@code to} by a copy of {@code from}, atomically. */
  public void copy(String from, String to) throws IOException {
    Path tmp = dir.resolve(to + ".tmp");
    Files.copy(dir.resolve(from), tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, dir.resolve(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
