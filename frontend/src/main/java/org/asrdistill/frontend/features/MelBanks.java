package org.asrdistill.frontend.features;

/**
 * Triangular mel filters over the FFT bins (Kaldi's {@code MelBanks}), with Kaldi's optional piecewise-linear
 * VTLN frequency warping. Each filter is stored as a dense run of weights starting at its first non-zero FFT
 * bin, so applying the bank costs about two multiply-adds per FFT bin. Construction follows Kaldi in single
 * precision; immutable and thread-safe.
 */
public final class MelBanks {
  private final int[] first;     // first FFT bin of each filter
  private final int[] weightOff; // offset of each filter's weights in weights
  private final int[] length;
  private final double[] weights;
  private final double[] centerFreqs;
  private final boolean htkMode;

  /** Builds the bank for the frame options' FFT size and sample rate and a VTLN warp factor (1 = none). */
  public MelBanks(MelBanksOptions opts, FrameExtractionOptions frame, double vtlnWarpFactor) {
    if (!(vtlnWarpFactor > 0) || Double.isInfinite(vtlnWarpFactor)) {
      throw new IllegalArgumentException("vtln-warp must be > 0; got: " + vtlnWarpFactor);
    }
    int numBins = opts.numBins();
    int padded = frame.paddedWindowSize();
    int numFftBins = padded / 2;
    float sampleFreq = (float) frame.sampleFrequency();
    float nyquist = 0.5f * sampleFreq;
    float lowFreq = (float) opts.lowFreq();
    float highFreq = opts.highFreq() > 0 ? (float) opts.highFreq() : nyquist + (float) opts.highFreq();
    if (lowFreq < 0 || lowFreq >= nyquist || highFreq <= 0 || highFreq > nyquist || highFreq <= lowFreq) {
      throw new IllegalArgumentException("low-freq and high-freq must satisfy 0 <= low < high <= Nyquist ("
          + nyquist + " Hz); got: low-freq " + lowFreq + ", high-freq " + highFreq);
    }
    float fftBinWidth = sampleFreq / padded;
    float melLow = melScale(lowFreq);
    float melHigh = melScale(highFreq);
    float melDelta = (melHigh - melLow) / (numBins + 1);
    float vtlnLow = (float) opts.vtlnLow();
    float vtlnHigh = (float) opts.vtlnHigh();
    if (vtlnHigh < 0) {
      vtlnHigh += nyquist;
    }
    float warp = (float) vtlnWarpFactor;
    if (warp != 1.0f && (vtlnLow < 0 || vtlnLow <= lowFreq || vtlnLow >= highFreq || vtlnHigh <= 0
        || vtlnHigh >= highFreq || vtlnHigh <= vtlnLow)) {
      throw new IllegalArgumentException("vtln-low and vtln-high must satisfy low-freq < vtln-low < vtln-high "
          + "< high-freq; got: vtln-low " + vtlnLow + ", vtln-high " + vtlnHigh + ", low-freq " + lowFreq
          + ", high-freq " + highFreq);
    }
    float[] fftMel = new float[numFftBins];
    for (int i = 0; i < numFftBins; i++) {
      fftMel[i] = melScale(fftBinWidth * i);
    }
    first = new int[numBins];
    weightOff = new int[numBins];
    length = new int[numBins];
    centerFreqs = new double[numBins];
    double[] all = new double[numBins * numFftBins];
    int used = 0;
    for (int bin = 0; bin < numBins; bin++) {
      float left = melLow + bin * melDelta;
      float center = melLow + (bin + 1) * melDelta;
      float right = melLow + (bin + 2) * melDelta;
      if (warp != 1.0f) {
        left = vtlnWarpMel(vtlnLow, vtlnHigh, lowFreq, highFreq, warp, left);
        center = vtlnWarpMel(vtlnLow, vtlnHigh, lowFreq, highFreq, warp, center);
        right = vtlnWarpMel(vtlnLow, vtlnHigh, lowFreq, highFreq, warp, right);
      }
      centerFreqs[bin] = inverseMelScale(center);
      int firstIndex = -1;
      int lastIndex = -1;
      for (int i = 0; i < numFftBins; i++) {
        float mel = fftMel[i];
        if (mel > left && mel < right) {
          if (firstIndex < 0) {
            firstIndex = i;
          }
          lastIndex = i;
        }
      }
      if (firstIndex < 0) {
        throw new IllegalArgumentException("num-mel-bins is too large for the FFT size " + padded
            + ": mel bin " + bin + " contains no FFT bin; got: num-mel-bins " + numBins);
      }
      first[bin] = firstIndex;
      weightOff[bin] = used;
      length[bin] = lastIndex + 1 - firstIndex;
      for (int i = firstIndex; i <= lastIndex; i++) {
        float mel = fftMel[i];
        float w = 0;
        if (mel > left && mel < right) {
          w = mel <= center ? (mel - left) / (center - left) : (right - mel) / (right - center);
        }
        all[used++] = w;
      }
      if (opts.htkMode() && bin == 0 && melLow != 0.0f) {
        all[weightOff[0]] = 0.0;
      }
    }
    weights = new double[used];
    for (int i = 0; i < used; i++) {
      weights[i] = all[i];
    }
    htkMode = opts.htkMode();
  }

  /** Kaldi's mel scale: 1127 ln(1 + f/700), in single precision. */
  public static float melScale(float freq) {
    return 1127.0f * (float) Math.log(1.0f + freq / 700.0f);
  }

  public static float inverseMelScale(float mel) {
    return 700.0f * ((float) Math.exp(mel / 1127.0f) - 1.0f);
  }

  /** Kaldi's piecewise-linear VTLN warp of a frequency (identity outside [lowFreq, highFreq]). */
  public static float vtlnWarpFreq(float vtlnLow, float vtlnHigh, float lowFreq, float highFreq, float warp,
      float freq) {
    if (freq < lowFreq || freq > highFreq) {
      return freq;
    }
    float l = vtlnLow * Math.max(1.0f, warp);
    float h = vtlnHigh * Math.min(1.0f, warp);
    float scale = 1.0f / warp;
    float fl = scale * l;
    float fh = scale * h;
    if (!(l > lowFreq && h < highFreq)) {
      throw new IllegalArgumentException("VTLN inflection points out of range for warp factor " + warp
          + ": l=" + l + ", h=" + h + " must lie in (" + lowFreq + ", " + highFreq + ")");
    }
    float scaleLeft = (fl - lowFreq) / (l - lowFreq);
    float scaleRight = (highFreq - fh) / (highFreq - h);
    if (freq < l) {
      return lowFreq + scaleLeft * (freq - lowFreq);
    } else if (freq < h) {
      return scale * freq;
    }
    return highFreq + scaleRight * (freq - highFreq);
  }

  static float vtlnWarpMel(float vtlnLow, float vtlnHigh, float lowFreq, float highFreq, float warp, float mel) {
    return melScale(vtlnWarpFreq(vtlnLow, vtlnHigh, lowFreq, highFreq, warp, inverseMelScale(mel)));
  }

  public int numBins() {
    return first.length;
  }

  /** Centre frequency of each bin in Hz. */
  public double[] centerFreqs() {
    return centerFreqs.clone();
  }

  /** Weight of FFT bin {@code fftBin} in mel bin {@code bin} (0 outside the filter). */
  public double weight(int bin, int fftBin) {
    int i = fftBin - first[bin];
    return i < 0 || i >= length[bin] ? 0.0 : weights[weightOff[bin] + i];
  }

  /**
   * Mel energies of the first {@code used} lanes: {@code out[b][l] = sum_k w[b][k] * spectrum[k][l]} (floored
   * at 1 in HTK mode); spectrum has a row per FFT bin, out a row per mel bin.
   */
  public void compute(double[][] spectrum, double[][] out, int used) {
    for (int b = 0; b < first.length; b++) {
      int s = first[b];
      int o = weightOff[b];
      double[] e = out[b];
      java.util.Arrays.fill(e, 0, used, 0.0);
      for (int i = 0; i < length[b]; i++) {
        double w = weights[o + i];
        double[] p = spectrum[s + i];
        for (int l = 0; l < used; l++) {
          e[l] += w * p[l];
        }
      }
      if (htkMode) {
        for (int l = 0; l < used; l++) {
          e[l] = Math.max(e[l], 1.0);
        }
      }
    }
  }
}
