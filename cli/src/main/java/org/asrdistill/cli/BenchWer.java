package org.asrdistill.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.asrdistill.eval.wer.Speakers;
import org.asrdistill.eval.wer.SyntheticPairs;
import org.asrdistill.eval.wer.WerOptions;
import org.asrdistill.eval.wer.WerReports;
import org.asrdistill.eval.wer.WerResult;
import org.asrdistill.eval.wer.WerScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-wer",
    header = "Benchmark: scoring time of N generated utterances (alignment, per-speaker table, pra, dtl and "
        + "Kaldi summary all computed), next to sclite's on the same pairs when sctk is installed.",
    customSynopsis = "Usage: bench-wer [options]",
    footer = {"e.g.: asr-distill bench-wer --utterances=100000",
        "See also: compute-wer"})
public final class BenchWer extends KaldiTool {
  @Option(names = "--utterances", description = "Number of utterances. Default: ${DEFAULT-VALUE}")
  int utterances = 100000;

  @Option(names = "--vocabulary", description = "Vocabulary size. Default: ${DEFAULT-VALUE}")
  int vocabulary = 1000;

  @Option(names = "--error-rate", description = "Edit rate per reference word. Default: ${DEFAULT-VALUE}")
  double errorRate = 0.15;

  @Option(names = "--seed", description = "Random seed. Default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Option(names = "--repeats", description = "Timed runs (the best is reported). Default: ${DEFAULT-VALUE}")
  int repeats = 3;

  @Option(names = "--sclite", arity = "0..1", fallbackValue = "true",
      description = "Also time 'sctk sclite' on the same pairs when it is on PATH. Default: ${DEFAULT-VALUE}")
  boolean sclite = true;

  @Option(names = "--dir", description = "Directory for the trn files given to sclite. Default: ${DEFAULT-VALUE}")
  Path dir = Path.of(System.getProperty("java.io.tmpdir"), "asr-distill-bench-wer");

  @Override
  protected int run() throws Exception {
    if (repeats < 1) {
      throw new IllegalArgumentException("--repeats must be >= 1; got: " + repeats);
    }
    SyntheticPairs.Pair p = SyntheticPairs.generate(utterances, vocabulary, errorRate, seed);
    double best = Double.MAX_VALUE;
    WerResult r = null;
    long chars = 0;
    for (int rep = 0; rep < repeats; rep++) {
      long t0 = System.nanoTime();
      r = new WerScorer(WerOptions.defaults()).score(p.ref(), p.hyp(), Speakers.spuIdRule());
      StringBuilder sb = new StringBuilder(WerReports.kaldiSummary(r));
      WerReports.appendPra(sb, r);
      sb.append(WerReports.speakerTable(r, "bench", true)).append(WerReports.detail(r));
      chars = sb.length();
      double s = (System.nanoTime() - t0) / 1e9;
      log(String.format(Locale.ROOT, "run %d: %.3f s (%d characters of reports)", rep + 1, s, chars));
      best = Math.min(best, s);
    }
    System.out.print(WerReports.kaldiSummary(r));
    System.out.printf(Locale.ROOT, "utterances=%d%nref_words=%d%nspeakers=%d%nasr_distill_seconds=%.3f%n",
        r.total().sentences(), r.total().refWords(), r.speakers().size(), best);
    if (sclite && onPath("sctk")) {
      Files.createDirectories(dir);
      try (Writer w = Files.newBufferedWriter(dir.resolve("ref.trn"), StandardCharsets.UTF_8)) {
        p.ref().writeTrn(w);
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve("hyp.trn"), StandardCharsets.UTF_8)) {
        p.hyp().writeTrn(w);
      }
      long t0 = System.nanoTime();
      Process proc = new ProcessBuilder("sctk", "sclite", "-r", "ref.trn", "trn", "-h", "hyp.trn", "trn", "-i",
          "spu_id", "-O", ".", "-o", "rsum", "pra", "dtl").directory(dir.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!proc.waitFor(30, TimeUnit.MINUTES) || proc.exitValue() != 0) {
        proc.destroy();
        throw new java.io.IOException("sctk sclite failed in " + dir);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "sclite_seconds=%.3f%nspeedup=%.1f%n", s, s / best);
      log("sclite outputs (rsum, pra, dtl) are in " + dir);
    } else {
      System.out.println("sclite_seconds=n/a (sctk not on PATH or --sclite=false)");
    }
    return 0;
  }

  private static boolean onPath(String exe) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, exe))) {
        return true;
      }
    }
    return false;
  }
}
