package org.asrdistill.cli;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
        "Each side makes --repeat timed passes over all files; the best (fastest) pass is reported as *_xRT "
            + "(times real time) and us/frame, the median beside it. ratio = ours_xRT / torchaudio_xRT (best "
            + "passes). torchaudio runs in --python with torch.set_num_threads(1).",
        "See also: compute-fbank-feats, bench-io"})
public final class BenchFbank extends KaldiTool {
  @Option(names = "--num-mel-bins", description = "Number of mel bins. Default: ${DEFAULT-VALUE}")
  int numMelBins = 40;

  @Option(names = "--repeat", description = "Timed passes over the files on each side. Default: ${DEFAULT-VALUE}")
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
    var mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < repeat; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      frames = pass(ex, samples, rate);
      wall[r] = (System.nanoTime() - t0) / 1e9;
      cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    }
    System.out.println(String.format(Locale.ROOT, "files=%d audio_seconds=%.2f frames=%d num_mel_bins=%d "
        + "repeat=%d load_average=%.2f", samples.size(), audio, frames, numMelBins, repeat,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    double[] ours = report("ours", audio, frames, wall, cpu);
    double[][] ref = torchaudio();
    if (ref == null) {
      System.out.println("torchaudio_xRT=unavailable (reference not run: " + python + " cannot run torchaudio)");
      return 0;
    }
    if (Math.round(ref[2][0]) != frames) {
      warn("torchaudio produced " + Math.round(ref[2][0]) + " frames, ours " + frames);
    }
    double[] theirs = report("torchaudio", audio, frames, ref[0], ref[1]);
    System.out.println(String.format(Locale.ROOT, "ratio=%.2f (ours_xRT / torchaudio_xRT, best passes; "
        + "by best thread CPU time: %.2f)", ours[0] / theirs[0], ours[1] / theirs[1]));
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

  /** torchaudio's {wall seconds per pass, CPU seconds per pass, {frames}}, or null if it cannot run. */
  private double[][] torchaudio() throws Exception {
    Path script = Files.createTempFile("bench_fbank", ".py");
    try {
      try (InputStream in = BenchFbank.class.getResourceAsStream("bench_fbank_torchaudio.py")) {
        Files.write(script, in.readAllBytes());
      }
      List<String> cmd = new ArrayList<>(List.of(python, script.toString(), Integer.toString(numMelBins),
          Integer.toString(Math.max(1, warmup)), Integer.toString(repeat)));
      files.forEach(f -> cmd.add(f.toString()));
      Process p;
      try {
        p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      } catch (java.io.IOException e) {
        return null;
      }
      String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(3600, TimeUnit.SECONDS) || p.exitValue() != 0) {
        warn("torchaudio reference failed: " + outText.strip());
        return null;
      }
      Matcher m = Pattern.compile("pass_seconds=([0-9.]+) cpu_seconds=([0-9.]+) audio_seconds=[0-9.]+ "
          + "frames=([0-9]+)").matcher(outText);
      double[][] out = {new double[repeat], new double[repeat], new double[1]};
      int n = 0;
      while (m.find() && n < repeat) {
        out[0][n] = Double.parseDouble(m.group(1));
        out[1][n] = Double.parseDouble(m.group(2));
        out[2][0] = Double.parseDouble(m.group(3));
        n++;
      }
      if (n != repeat) {
        warn("unexpected output from the torchaudio reference: " + outText.strip());
        return null;
      }
      return out;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
