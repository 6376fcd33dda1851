package org.asrdistill.frontend.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class WindowAndFramingTest {
  @Test
  void windowsByHand() {
    double[] sine = WindowType.SINE.weights(5, 0.42);
    assertArrayEquals(new double[] {0, Math.sin(Math.PI / 4), 1, Math.sin(3 * Math.PI / 4), 0}, sine, 1e-12);
    double[] povey = WindowType.POVEY.weights(5, 0.42);
    assertEquals(Math.pow(0.5, 0.85), povey[1], 1e-12);
    assertEquals(0.08, WindowType.HAMMING.weights(5, 0.42)[0], 1e-12);
    assertEquals(0.0, WindowType.BLACKMAN.weights(5, 0.42)[0], 1e-12);
    assertEquals(WindowType.BLACKMAN, WindowType.ofKaldiName("blackmann"));
    assertThrows(IllegalArgumentException.class, () -> WindowType.ofKaldiName("kaiser"));
  }

  @Test
  void frameCountsAsKaldi() {
    FrameExtractionOptions snip = FrameExtractionOptions.defaults();
    FrameExtractionOptions noSnip = snip.withSnipEdges(false);
    assertEquals(0, FeatureExtractor.numFrames(399, snip));
    assertEquals(1, FeatureExtractor.numFrames(400, snip));
    assertEquals(2, FeatureExtractor.numFrames(560, snip));
    assertEquals(0, FeatureExtractor.numFrames(79, noSnip));
    assertEquals(1, FeatureExtractor.numFrames(80, noSnip));
    assertEquals(100, FeatureExtractor.numFrames(16000, noSnip));
    assertEquals(-120, FeatureExtractor.firstSampleOfFrame(0, noSnip));
  }

  @Test
  void audioShorterThanAFrameGivesNoFrames() {
    FeatureExtractor ex = FeatureExtractor.fbank(FbankOptions.paper());
    FloatMatrix m = ex.compute(new float[399], 16000, 1.0, 1);
    assertEquals(0, m.rows());
  }

  @Test
  void wrongRateIsRejected() {
    FeatureExtractor ex = FeatureExtractor.fbank(FbankOptions.paper());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ex.compute(new float[16000], 8000, 1.0, 1));
    assertEquals(true, e.getMessage().contains("8000"));
  }

  @Test
  void ditherIsSeededAndReproducible() {
    float[] wave = new float[4000];
    for (int i = 0; i < wave.length; i++) {
      wave[i] = (float) (300 * Math.sin(i * 0.05));
    }
    FeatureExtractor ex = FeatureExtractor.fbank(FbankOptions.paper());
    FloatMatrix a = ex.compute(wave, 16000, 1.0, 42);
    assertEquals(a, ex.compute(wave, 16000, 1.0, 42));
    assertNotEquals(a, ex.compute(wave, 16000, 1.0, 43));
  }

  /** A frame's features do not depend on its lane or block: cutting 37 frames off the front shifts rows exactly. */
  @Test
  void framesAreIndependentOfTheirPlaceInABlock() {
    float[] wave = new float[160 * 200 + 240];
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < wave.length; i++) {
      wave[i] = (float) Math.round(2000 * Math.sin(i * 0.013) + 300 * r.nextGaussian());
    }
    FrameExtractionOptions noDither = FrameExtractionOptions.defaults().withDither(0);
    for (FeatureExtractor ex : new FeatureExtractor[] {
        FeatureExtractor.fbank(FbankOptions.paper().withFrame(noDither)),
        FeatureExtractor.mfcc(new MfccOptions(noDither, MelBanksOptions.defaults(), 13, true, 0.0, true, 22.0,
            false))}) {
      FloatMatrix all = ex.compute(wave, 16000, 1.0, 0);
      int cut = 37;
      FloatMatrix tail = ex.compute(java.util.Arrays.copyOfRange(wave, 160 * cut, wave.length), 16000, 1.0, 0);
      assertEquals(all.rows() - cut, tail.rows());
      for (int f = 0; f < tail.rows(); f++) {
        for (int c = 0; c < tail.cols(); c++) {
          assertEquals(all.get(f + cut, c), tail.get(f, c), "frame " + f + " dim " + c);
        }
      }
    }
  }

  @Test
  void optionsValidate() {
    assertThrows(IllegalArgumentException.class, () -> MelBanksOptions.defaults().withNumBins(2));
    assertThrows(IllegalArgumentException.class,
        () -> FbankOptions.defaults().frame().withDither(-1));
    FrameExtractionOptions odd = new FrameExtractionOptions(16000, 10, 25.0625, 0, 0.97, true, WindowType.POVEY,
        0.42, true, true);
    assertEquals(512, odd.paddedWindowSize());
    assertThrows(IllegalArgumentException.class, () -> odd.withRoundToPowerOfTwo(false));
    FbankOptions highTooHigh = FbankOptions.defaults().withMel(MelBanksOptions.defaults().withFreqs(20, 9000));
    assertThrows(IllegalArgumentException.class, () -> FeatureExtractor.fbank(highTooHigh));
  }
}
