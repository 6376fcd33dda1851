package org.asrdistill.frontend.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.asrdistill.kaldiio.wav.WaveReader;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;

/** The torchaudio comparison grid (grid.txt), the corpus, and a Kaldi-flag parser for the test options. */
final class Grid {
  static final String DIR = "/org/asrdistill/frontend/features/";

  record Config(String name, String tool, Map<String, String> flags) {
    FeatureExtractor extractor() {
      FrameExtractionOptions f = frame(flags);
      MelBanksOptions m = new MelBanksOptions(Integer.parseInt(flags.getOrDefault("num-mel-bins", "23")),
          dbl("low-freq", 20), dbl("high-freq", 0), dbl("vtln-low", 100), dbl("vtln-high", -500), false);
      if (tool.equals("fbank")) {
        return FeatureExtractor.fbank(new FbankOptions(f, m, bool("use-energy", false), dbl("energy-floor", 0),
            bool("raw-energy", true), bool("htk-compat", false), bool("use-log-fbank", true),
            bool("use-power", true)));
      }
      return FeatureExtractor.mfcc(new MfccOptions(f, m, Integer.parseInt(flags.getOrDefault("num-ceps", "13")),
          bool("use-energy", true), dbl("energy-floor", 0), bool("raw-energy", true),
          dbl("cepstral-lifter", 22), bool("htk-compat", false)));
    }

    double vtlnWarp() {
      return dbl("vtln-warp", 1.0);
    }

    /** Whether the tool's output is linear (golden values are logs of it). */
    boolean linear() {
      return tool.equals("fbank") && !bool("use-log-fbank", true);
    }

    private FrameExtractionOptions frame(Map<String, String> fl) {
      return new FrameExtractionOptions(dbl("sample-frequency", 16000), dbl("frame-shift", 10),
          dbl("frame-length", 25), 0.0, dbl("preemphasis-coefficient", 0.97), bool("remove-dc-offset", true),
          WindowType.ofKaldiName(fl.getOrDefault("window-type", "povey")), dbl("blackman-coeff", 0.42),
          bool("round-to-power-of-two", true), bool("snip-edges", true));
    }

    private double dbl(String k, double d) {
      return flags.containsKey(k) ? Double.parseDouble(flags.get(k)) : d;
    }

    private boolean bool(String k, boolean d) {
      return flags.containsKey(k) ? Boolean.parseBoolean(flags.get(k)) : d;
    }
  }

  private Grid() {
  }

  static Path resource(String name) {
    try {
      return Path.of(Grid.class.getResource(DIR + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Config> configs() {
    List<Config> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(resource("grid.txt"))) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\t");
        Map<String, String> flags = new LinkedHashMap<>();
        for (String f : p[2].trim().split("\\s+")) {
          String[] kv = f.substring(2).split("=", 2);
          flags.put(kv[0], kv[1]);
        }
        out.add(new Config(p[0], p[1], flags));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Corpus utterances by key (file stem), sorted. */
  static Map<String, WaveData> corpus() throws IOException {
    Map<String, WaveData> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(resource("corpus"))) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        try (KaldiInput in = KaldiInput.open(p, 0)) {
          out.put(p.getFileName().toString().replace(".wav", ""), WaveReader.read(in));
        }
      }
    }
    return out;
  }

  /** Reads a gzipped binary archive of matrices. */
  static Map<String, FloatMatrix> readArkGz(Path p) throws IOException {
    Map<String, FloatMatrix> out = new LinkedHashMap<>();
    InputStream raw = new GZIPInputStream(Files.newInputStream(p));
    try (KaldiInput in = KaldiInput.of(p.toString(), raw, raw)) {
      while (in.skipSpace() >= 0) {
        String key = in.readWord("key");
        in.read();
        out.put(key, Holders.FLOAT_MATRIX.read(in));
      }
    }
    return out;
  }

  /** Max |ours - golden| over all values (ours logged first when linear); -1 if the shapes differ. */
  static double maxAbsDiff(FloatMatrix ours, FloatMatrix golden, boolean linear) {
    if (ours.rows() != golden.rows() || ours.rows() > 0 && ours.cols() != golden.cols()) {
      return -1;
    }
    double max = 0;
    float[] a = ours.data();
    float[] b = golden.data();
    for (int i = 0; i < a.length; i++) {
      double v = linear ? Math.log(Math.max(a[i], Math.ulp(1.0f))) : a[i];
      max = Math.max(max, Math.abs(v - b[i]));
    }
    return max;
  }
}
