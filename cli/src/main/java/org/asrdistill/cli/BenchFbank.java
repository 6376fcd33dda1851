package org.asrdistill.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asrdistill.frontend.features.FbankOptions;
import org.asrdistill.frontend.features.FeatureExtractor;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench-fbank",
    header = "Benchmark single-thread fbank extraction against torchaudio.compliance.kaldi.fbank on the same "
        + "WAV files in one run (both: --num-mel-bins bins, dither 0, other options at Kaldi's defaults, "
        + "float32 output; audio decoding not timed; untimed warm-up passes first on both sides).",
    customSynopsis = "Usage: bench-fbank [options] <wav-file>...",
    footer = {"e.g.: bench-fbank --num-mel-bins=40 --repeat=7 corpus/*.wav",
        "The two sides alternate: each of --repeat rounds is one timed pass of ours over all files, then one of",
        "torchaudio's (a --python process started once, kept waiting between its passes), so that both see the",
        "same machine state. Each side's best (fastest) pass is reported as *_xRT (times real time) and us/frame,",
        "the median beside it; ratio = ours_xRT / torchaudio_xRT of the best passes, paired_ratio the median over",
        "rounds of torchaudio's time / ours. torchaudio runs with torch.set_num_threads(1).",
        "See also: compute-fbank-feats, bench-io"})
public final class BenchFbank extends KaldiTool {
  @Option(names = "--num-mel-bins", description = "Number of mel bins. Default: ${DEFAULT-VALUE}")
  int numMelBins = 40;

  @Option(names = "--repeat", description = "Timed rounds (a pass of each side). Default: ${DEFAULT-VALUE}")
  int repeat = 7;

  @Option(names = "--warmup", description = "Untimed passes first on each side (if > 0, ours also runs for at "
      + "least 2 s, for the JIT). Default: ${DEFAULT-VALUE}")
  int warmup = 2;

  @Option(names = "--python", description = "Python interpreter with torchaudio. Default: ${DEFAULT-VALUE}")
  String python = "/usr/bin/python3";

  @Parameters(arity = "1..*", paramLabel = "<wav-file>")
  List<Path> files;

  @Override
  protected int run() throws Exception {
    if (repeat < 1 || warmup < 0) {
      throw new IllegalArgumentException("repeat must be >= 1 and warmup >= 0; got: " + repeat + ", " + warmup);
    }
    List<float[]> samples = new ArrayList<>();
    int rate = 0;
    double audio = 0;
    for (Path f : files) {
      WaveData w = WaveReader.read(f);
      samples.add(w.channel(0)); // decoded and copied once, outside the timing
      rate = w.sampleRate();
      audio += w.duration();
    }
    FbankOptions o = FbankOptions.defaults();
    o = o.withFrame(o.frame().withDither(0.0)).withMel(o.mel().withNumBins(numMelBins));
    FeatureExtractor ex = FeatureExtractor.fbank(o);
    long frames = 0;
    long warmEnd = System.nanoTime() + 2_000_000_000L;
    for (int p = 0; p < warmup || warmup > 0 && System.nanoTime() < warmEnd; p++) {
      frames = pass(ex, samples, rate);
    }
    double[] wall = new double[repeat];
    double[] cpu = new double[repeat];
    double[][] ref = {new double[repeat], new double[repeat]};
    var mx = ManagementFactory.getThreadMXBean();
    try (Reference torch = Reference.start(python, numMelBins, warmup, files, this::warn)) {
      for (int r = 0; r < repeat; r++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        frames = pass(ex, samples, rate);
        wall[r] = (System.nanoTime() - t0) / 1e9;
        cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        if (torch != null && !torch.pass(ref, r, frames)) {
          return 1;
        }
      }
      System.out.println(String.format(Locale.ROOT, "files=%d audio_seconds=%.2f frames=%d num_mel_bins=%d "
          + "repeat=%d load_average=%.2f", samples.size(), audio, frames, numMelBins, repeat,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
      double[] ours = report("ours", audio, frames, wall, cpu);
      if (torch == null) {
        System.out.println("torchaudio_xRT=unavailable (reference not run: " + python + " cannot run torchaudio)");
        return 0;
      }
      double[] theirs = report("torchaudio", audio, frames, ref[0], ref[1]);
      double[] paired = new double[repeat];
      for (int r = 0; r < repeat; r++) {
        paired[r] = ref[0][r] / wall[r];
      }
      Arrays.sort(paired);
      System.out.println(String.format(Locale.ROOT, "ratio=%.2f (ours_xRT / torchaudio_xRT, best passes; "
          + "by best thread CPU time: %.2f) paired_ratio=%.2f (median over rounds; range %.2f-%.2f)",
          ours[0] / theirs[0], ours[1] / theirs[1], paired[repeat / 2], paired[0], paired[repeat - 1]));
    }
    return 0;
  }

  private static long pass(FeatureExtractor ex, List<float[]> samples, int rate) {
    long frames = 0;
    for (float[] s : samples) {
      frames += ex.compute(s, rate, 1.0, 0).rows();
    }
    return frames;
  }

  /** Prints one side's line; returns its best times real time by wall clock and by thread CPU time. */
  private static double[] report(String who, double audio, long frames, double[] wall, double[] cpu) {
    double[] w = wall.clone();
    double[] c = cpu.clone();
    Arrays.sort(w);
    Arrays.sort(c);
    double best = w[0];
    double median = w[w.length / 2];
    System.out.println(String.format(Locale.ROOT, "%s_xRT=%.1f (best of %d passes: %.4f s, %.3f us/frame; "
        + "median %.1fx, %.3f us/frame; best thread CPU time %.1fx)", who, audio / best, w.length, best,
        best * 1e6 / frames, audio / median, median * 1e6 / frames, audio / c[0]));
    return new double[] {audio / best, audio / c[0]};
  }

  /** The torchaudio side: a Python process that makes one timed pass per request. */
  private static final class Reference implements AutoCloseable {
    private static final Pattern PASS = Pattern.compile("pass_seconds=([0-9.]+) cpu_seconds=([0-9.]+) "
        + "audio_seconds=[0-9.]+ frames=([0-9]+)");
    private final Process process;
    private final Path script;
    private final BufferedReader in;
    private final Writer out;
    private final Consumer<String> warn;

    private Reference(Process process, Path script, Consumer<String> warn) {
      this.process = process;
      this.script = script;
      this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      this.warn = warn;
    }

    /** Starts the reference and waits for its warm-up; null (after a warning) if it cannot run. */
    static Reference start(String python, int bins, int warmup, List<Path> files, Consumer<String> warn)
        throws IOException {
      Path script = Files.createTempFile("bench_fbank", ".py");
      try (InputStream res = BenchFbank.class.getResourceAsStream("bench_fbank_torchaudio.py")) {
        Files.write(script, res.readAllBytes());
      }
      List<String> cmd = new ArrayList<>(List.of(python, script.toString(), Integer.toString(bins),
          Integer.toString(Math.max(1, warmup))));
      files.forEach(f -> cmd.add(f.toString()));
      Process p;
      try {
        p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      } catch (IOException e) {
        Files.deleteIfExists(script);
        return null;
      }
      Reference r = new Reference(p, script, warn);
      String line = r.in.readLine();
      if (line == null || !line.startsWith("ready ")) {
        String rest = line == null ? "" : line + "\n" + r.drain();
        warn.accept("torchaudio reference failed: " + rest.strip());
        r.close();
        return null;
      }
      return r;
    }

    /** One timed pass into round r of {wall, cpu}; false (after a warning) if the reference failed. */
    boolean pass(double[][] ref, int r, long ourFrames) throws IOException {
      out.write("pass\n");
      out.flush();
      String line = in.readLine();
      Matcher m = line == null ? null : PASS.matcher(line);
      if (m == null || !m.find()) {
        warn.accept("unexpected output from the torchaudio reference: " + (line == null ? "(none)" : line)
            + " " + drain());
        return false;
      }
      ref[0][r] = Double.parseDouble(m.group(1));
      ref[1][r] = Double.parseDouble(m.group(2));
      if (Long.parseLong(m.group(3)) != ourFrames) {
        warn.accept("torchaudio produced " + m.group(3) + " frames, ours " + ourFrames);
      }
      return true;
    }

    private String drain() throws IOException {
      StringBuilder b = new StringBuilder();
      String l;
      while (b.length() < 4000 && (l = in.readLine()) != null) {
        b.append(l).append('\n');
      }
      return b.toString();
    }

    @Override
    public void close() throws IOException {
      try {
        out.write("quit\n");
        out.close();
      } catch (IOException ignored) {
        // the process may be gone already
      }
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      Files.deleteIfExists(script);
    }
  }
}
