package org.asrdistill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-io",
    header = "Benchmark: read rate of a float-matrix archive next to cat(1) of the same file.",
    customSynopsis = {"Usage: bench-io [options]"},
    footer = {"Writes the archive once (reused when present with the right size), warms the page cache,",
        "then alternates 'cat FILE > /dev/null' and sequential table reads, and prints the best rates:",
        "read_MB_per_s streams (each matrix valid until the next, as Kaldi's readers); read_new_objects",
        "allocates every matrix anew (callers that keep all values). ratio = read / cat.",
        "e.g.: asr-distill bench-io --size-mb=1024 --dir=/tmp/bench-io",
        "See also: copy-feats"})
public final class BenchIo extends KaldiTool {
  @Option(names = "--size-mb", description = "Archive size in MiB. Default: ${DEFAULT-VALUE}")
  int sizeMb = 1024;

  @Option(names = "--dir", description = "Directory for the archive. Default: ${DEFAULT-VALUE}")
  Path dir = Path.of(System.getProperty("java.io.tmpdir"), "asr-distill-bench-io");

  @Option(names = "--repeats", description = "Timed runs of each reader. Default: ${DEFAULT-VALUE}")
  int repeats = 3;

  @Option(names = "--rows", description = "Frames per matrix. Default: ${DEFAULT-VALUE}")
  int rows = 500;

  @Option(names = "--cols", description = "Feature dimension. Default: ${DEFAULT-VALUE}")
  int cols = 40;

  @Override
  protected int run() throws Exception {
    if (sizeMb < 1 || repeats < 1 || rows < 1 || cols < 1) {
      throw new IllegalArgumentException("--size-mb, --repeats, --rows and --cols must be >= 1");
    }
    Files.createDirectories(dir);
    Path ark = dir.resolve("bench-" + sizeMb + "mb-" + rows + "x" + cols + ".ark");
    long perEntry = 13 + 2 + 3 + 10 + 4L * rows * cols; // key, header, token, dims, data
    long entries = (long) sizeMb * 1024 * 1024 / perEntry;
    if (!Files.exists(ark)) {
      log("Writing " + entries + " matrices of " + rows + " x " + cols + " to " + ark);
      Random rnd = new Random(7);
      FloatMatrix m = new FloatMatrix(rows, cols);
      try (TableWriter<FloatMatrix> w = TableWriter.open("ark:" + ark, Holders.FLOAT_MATRIX)) {
        for (long i = 0; i < entries; i++) {
          float[] d = m.data();
          for (int j = 0; j < d.length; j++) {
            d[j] = (float) rnd.nextGaussian();
          }
          w.write(String.format(Locale.ROOT, "utt%09d", i), m);
        }
        w.commit();
      }
    }
    long bytes = Files.size(ark);
    log("Archive " + ark + ": " + bytes + " bytes");
    catOnce(ark); // warm the page cache
    double bestCat = 0;
    double bestStream = 0;
    double bestFresh = 0;
    for (int rep = 0; rep < repeats; rep++) {
      long t0 = System.nanoTime();
      catOnce(ark);
      double catRate = rate(bytes, t0);
      t0 = System.nanoTime();
      long n = readAll(ark, true);
      double stream = rate(bytes, t0);
      t0 = System.nanoTime();
      readAll(ark, false);
      double fresh = rate(bytes, t0);
      log(String.format(Locale.ROOT, "run %d: cat %.0f MB/s, streaming read %.0f MB/s, read allocating "
          + "each matrix %.0f MB/s (%d matrices)", rep + 1, catRate, stream, fresh, n));
      bestCat = Math.max(bestCat, catRate);
      bestStream = Math.max(bestStream, stream);
      bestFresh = Math.max(bestFresh, fresh);
    }
    System.out.printf(Locale.ROOT, "archive_bytes=%d%ncat_MB_per_s=%.0f%nread_MB_per_s=%.0f%n"
        + "read_new_objects_MB_per_s=%.0f%nratio=%.3f%n", bytes, bestCat, bestStream, bestFresh,
        bestStream / bestCat);
    return 0;
  }

  private static double rate(long bytes, long t0) {
    return bytes / ((System.nanoTime() - t0) / 1e9) / 1e6;
  }

  /**
   * Reads every matrix and touches its data. Streaming mode recycles the previous matrix (Kaldi's
   * semantics: a value is valid until the next entry); the other mode allocates each matrix anew.
   */
  private static long readAll(Path ark, boolean streaming) throws java.io.IOException {
    long n = 0;
    double checksum = 0;
    try (SequentialTableReader<FloatMatrix> r =
             SequentialTableReader.open("ark:" + ark, Holders.FLOAT_MATRIX)) {
      if (streaming) {
        r.reuseValues();
      }
      while (r.next()) {
        float[] d = r.value().data();
        checksum += d[0] + d[d.length - 1];
        n++;
      }
    }
    if (Double.isNaN(checksum)) {
      throw new IllegalStateException("NaN in benchmark data");
    }
    return n;
  }

  private static void catOnce(Path file) throws Exception {
    Process p = new ProcessBuilder("cat", file.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    if (p.waitFor() != 0) {
      throw new java.io.IOException("cat " + file + " failed");
    }
  }
}
