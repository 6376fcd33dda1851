package org.asrdistill.frontend.features;

/**
 * Mel filter-bank layout (Kaldi's {@code MelBanksOptions}; flags {@code --num-mel-bins}, {@code --low-freq},
 * {@code --high-freq}, {@code --vtln-low}, {@code --vtln-high}).
 *
 * @param numBins number of triangular bins (>= 3)
 * @param lowFreq low cutoff in Hz
 * @param highFreq high cutoff in Hz; if <= 0, an offset from the Nyquist frequency
 * @param vtlnLow low inflection point of the VTLN warping function, Hz
 * @param vtlnHigh high inflection point; if negative, an offset from the Nyquist frequency
 * @param htkMode Kaldi's hidden HTK-compatibility mode (floors mel energies at 1, zeroes bin 0's first weight)
 */
public record MelBanksOptions(int numBins, double lowFreq, double highFreq, double vtlnLow, double vtlnHigh,
    boolean htkMode) {

  public MelBanksOptions {
    if (numBins < 3) {
      throw new IllegalArgumentException("num-mel-bins must be >= 3; got: " + numBins);
    }
    if (!(lowFreq >= 0) || Double.isInfinite(lowFreq)) {
      throw new IllegalArgumentException("low-freq must be >= 0; got: " + lowFreq);
    }
    if (!Double.isFinite(highFreq)) {
      throw new IllegalArgumentException("high-freq must be finite; got: " + highFreq);
    }
    if (!Double.isFinite(vtlnLow) || !Double.isFinite(vtlnHigh)) {
      throw new IllegalArgumentException("vtln-low and vtln-high must be finite; got: " + vtlnLow + ", "
          + vtlnHigh);
    }
  }

  /** Kaldi's defaults for fbank and MFCC: 23 bins, 20 Hz to Nyquist, VTLN cutoffs 100 Hz and Nyquist-500. */
  public static MelBanksOptions defaults() {
    return new MelBanksOptions(23, 20, 0, 100, -500, false);
  }

  public MelBanksOptions withNumBins(int n) {
    return new MelBanksOptions(n, lowFreq, highFreq, vtlnLow, vtlnHigh, htkMode);
  }

  public MelBanksOptions withFreqs(double low, double high) {
    return new MelBanksOptions(numBins, low, high, vtlnLow, vtlnHigh, htkMode);
  }
}
