package org.asrdistill.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asrdistill.kaldiio.wav.WaveReader;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.frontend.features.FbankOptions;
import org.asrdistill.frontend.features.FeatureExtractor;
import org.asrdistill.kaldiio.io.KaldiInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench-fbank",
    header = "Benchmark single-thread fbank extraction against torchaudio.compliance.kaldi.fbank on the same "
        + "WAV files, in one run (both: dither 0, float32 output; audio decoding not timed).",
    customSynopsis = "Usage: bench-fbank [options] <wav-file>...",
    footer = {"e.g.: bench-fbank --num-mel-bins=40 corpus/*.wav",
        "Prints ours_xRT, torchaudio_xRT (via /usr/bin/python3, timing only the fbank calls) and their ratio.",
        "See also: compute-fbank-feats, bench-io"})
public final class BenchFbank extends KaldiTool {
  @Option(names = "--num-mel-bins", description = "Number of mel bins. Default: ${DEFAULT-VALUE}")
  int numMelBins = 40;

  @Option(names = "--repeat", description = "Passes over the files for each side. Default: ${DEFAULT-VALUE}")
  int repeat = 5;

  @Option(names = "--python", description = "Python interpreter with torchaudio. Default: ${DEFAULT-VALUE}")
  String python = "/usr/bin/python3";

  @Parameters(arity = "1..*", paramLabel = "<wav-file>")
  List<Path> files;

  @Override
  protected int run() throws Exception {
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be >= 1; got: " + repeat);
    }
    List<WaveData> waves = new ArrayList<>();
    double audio = 0;
    for (Path f : files) {
      try (KaldiInput in = KaldiInput.open(f, 0)) {
        WaveData w = WaveReader.read(in);
        waves.add(w);
        audio += w.duration();
      }
    }
    FbankOptions o = FbankOptions.defaults();
    o = o.withFrame(o.frame().withDither(0.0)).withMel(o.mel().withNumBins(numMelBins));
    FeatureExtractor ex = FeatureExtractor.fbank(o);
    long frames = 0; // keeps the warm-up results observable
    long warmEnd = System.nanoTime() + 2_000_000_000L; // JIT warm-up: at least 2 s and one pass
    do {
      for (WaveData w : waves) {
        frames += ex.compute(w.channel(0), w.sampleRate(), 1.0, 0).rows();
      }
    } while (System.nanoTime() < warmEnd || frames < 0);
    long timedFrames = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int r = 0; r < repeat; r++) {
      for (WaveData w : waves) {
        timedFrames += ex.compute(w.channel(0), w.sampleRate(), 1.0, 0).rows();
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuSecs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double ours = audio * repeat / secs;
    double oursCpu = audio * repeat / cpuSecs;
    System.out.println(String.format(Locale.ROOT, "files=%d audio_seconds=%.2f repeat=%d num_mel_bins=%d",
        waves.size(), audio, repeat, numMelBins));
    System.out.println(String.format(Locale.ROOT, "ours_xRT=%.1f (wall: %.3f s for %.1f s of audio, %.2f us/frame; "
        + "thread CPU time: %.1fx real time)", ours, secs, audio * repeat, secs * 1e6 / Math.max(1, timedFrames),
        oursCpu));
    double[] ref = torchaudio();
    if (ref == null) {
      System.out.println("torchaudio_xRT=unavailable (reference not run: " + python
          + " cannot import torchaudio)");
      return 0;
    }
    double theirs = ref[1] / ref[0];
    System.out.println(String.format(Locale.ROOT, "torchaudio_xRT=%.1f (wall: %.3f s for %.1f s of audio; "
        + "thread CPU time: %.1fx real time)", theirs, ref[0], ref[1], ref[1] / ref[2]));
    System.out.println(String.format(Locale.ROOT, "ratio=%.1f (ours / torchaudio, wall); %.1f (thread CPU time)",
        ours / theirs, oursCpu / (ref[1] / ref[2])));
    return 0;
  }

  /** torchaudio's {wall seconds, audio seconds, CPU seconds} on the same files, or null if it cannot run. */
  private double[] torchaudio() throws Exception {
    Path script = Files.createTempFile("bench_fbank", ".py");
    try {
      try (InputStream in = BenchFbank.class.getResourceAsStream("bench_fbank_torchaudio.py")) {
        Files.write(script, in.readAllBytes());
      }
      List<String> cmd = new ArrayList<>(List.of(python, script.toString(), Integer.toString(numMelBins),
          Integer.toString(repeat)));
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
      Matcher m = Pattern.compile("compute_seconds=([0-9.]+) audio_seconds=([0-9.]+) cpu_seconds=([0-9.]+)")
          .matcher(outText);
      if (!m.find()) {
        warn("unexpected output from the torchaudio reference: " + outText.strip());
        return null;
      }
      return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
          Double.parseDouble(m.group(3))};
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
