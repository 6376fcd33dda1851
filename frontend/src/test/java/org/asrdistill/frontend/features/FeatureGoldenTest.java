package org.asrdistill.frontend.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frame of the 50-utterance corpus, for every grid point, against golden features made by
 * torchaudio.compliance.kaldi (make_golden.py; stored as Kaldi CM2, quantisation error <= range/131070).
 */
class FeatureGoldenTest {
  static final double TOLERANCE = 2e-3;
  private static Map<String, WaveData> corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = Grid.corpus();
  }

  static Stream<Grid.Config> configs() {
    return Grid.configs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void matchesTorchaudioGolden(Grid.Config c) throws IOException {
    Map<String, FloatMatrix> golden = Grid.readArkGz(Grid.resource("golden/" + c.name() + ".ark.gz"));
    assertEquals(corpus.keySet(), golden.keySet(), "golden utterances");
    assertTrue(corpus.size() >= 50, "corpus size " + corpus.size());
    FeatureExtractor ex = c.extractor();
    double worst = 0;
    long frames = 0;
    for (Map.Entry<String, WaveData> e : corpus.entrySet()) {
      WaveData w = e.getValue();
      FloatMatrix ours = ex.compute(w.channel(0), w.sampleRate(), c.vtlnWarp(), 0);
      FloatMatrix gold = golden.get(e.getKey());
      assertEquals(gold.rows(), ours.rows(), c.name() + " " + e.getKey() + " frame count");
      double d = Grid.maxAbsDiff(ours, gold, c.linear());
      assertTrue(d >= 0, c.name() + " " + e.getKey() + " shape " + ours + " vs " + gold);
      worst = Math.max(worst, d);
      frames += ours.rows();
    }
    System.out.println(String.format(Locale.ROOT, "golden %-22s utts=%d frames=%d max_abs_diff=%.3g",
        c.name(), corpus.size(), frames, worst));
    assertTrue(worst <= TOLERANCE, c.name() + ": max abs diff " + worst + " > " + TOLERANCE);
  }
}
