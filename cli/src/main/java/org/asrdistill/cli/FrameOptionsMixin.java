package org.asrdistill.cli;

import org.asrdistill.frontend.features.FrameExtractionOptions;
import org.asrdistill.frontend.features.MelBanksOptions;
import org.asrdistill.frontend.features.WindowType;
import picocli.CommandLine.Option;

/** Kaldi's frame-extraction and mel-bank flags, shared by compute-fbank-feats and compute-mfcc-feats. */
public final class FrameOptionsMixin {
  @Option(names = "--sample-frequency", description = "Waveform data sample frequency (must match the waveform "
      + "file). Default: ${DEFAULT-VALUE}")
  double sampleFrequency = 16000;

  @Option(names = "--frame-length", description = "Frame length in milliseconds. Default: ${DEFAULT-VALUE}")
  double frameLength = 25;

  @Option(names = "--frame-shift", description = "Frame shift in milliseconds. Default: ${DEFAULT-VALUE}")
  double frameShift = 10;

  @Option(names = "--dither", description = "Dithering constant (0.0 means no dither); the noise is seeded by "
      + "the utterance id, so output is reproducible. Default: ${DEFAULT-VALUE}")
  double dither = 1.0;

  @Option(names = "--preemphasis-coefficient", description = "Coefficient for use in signal preemphasis. "
      + "Default: ${DEFAULT-VALUE}")
  double preemphasis = 0.97;

  @Option(names = "--remove-dc-offset", arity = "0..1", fallbackValue = "true",
      description = "Subtract mean from waveform on each frame. Default: ${DEFAULT-VALUE}")
  boolean removeDcOffset = true;

  @Option(names = "--window-type", description = "Type of window (hamming|hanning|povey|rectangular|sine|"
      + "blackman). Default: ${DEFAULT-VALUE}")
  String windowType = "povey";

  @Option(names = "--blackman-coeff", description = "Constant coefficient for generalized Blackman window. "
      + "Default: ${DEFAULT-VALUE}")
  double blackmanCoeff = 0.42;

  @Option(names = "--round-to-power-of-two", arity = "0..1", fallbackValue = "true",
      description = "If true, round window size to power of two by zero-padding input to FFT. "
          + "Default: ${DEFAULT-VALUE}")
  boolean roundToPowerOfTwo = true;

  @Option(names = "--snip-edges", arity = "0..1", fallbackValue = "true",
      description = "If true, output only frames that completely fit in the file; if false, the number of "
          + "frames depends only on the frame shift and the data are reflected at the ends. "
          + "Default: ${DEFAULT-VALUE}")
  boolean snipEdges = true;

  @Option(names = "--num-mel-bins", description = "Number of triangular mel-frequency bins (the paper uses 40). "
      + "Default: ${DEFAULT-VALUE}")
  int numMelBins = 23;

  @Option(names = "--low-freq", description = "Low cutoff frequency for mel bins. Default: ${DEFAULT-VALUE}")
  double lowFreq = 20;

  @Option(names = "--high-freq", description = "High cutoff frequency for mel bins (if <= 0, offset from "
      + "Nyquist). Default: ${DEFAULT-VALUE}")
  double highFreq = 0;

  @Option(names = "--vtln-low", description = "Low inflection point in piecewise linear VTLN warping function. "
      + "Default: ${DEFAULT-VALUE}")
  double vtlnLow = 100;

  @Option(names = "--vtln-high", description = "High inflection point in piecewise linear VTLN warping "
      + "function (if negative, offset from Nyquist). Default: ${DEFAULT-VALUE}")
  double vtlnHigh = -500;

  FrameExtractionOptions frame() {
    return new FrameExtractionOptions(sampleFrequency, frameShift, frameLength, dither, preemphasis,
        removeDcOffset, WindowType.ofKaldiName(windowType), blackmanCoeff, roundToPowerOfTwo, snipEdges);
  }

  MelBanksOptions mel() {
    return new MelBanksOptions(numMelBins, lowFreq, highFreq, vtlnLow, vtlnHigh, false);
  }
}
