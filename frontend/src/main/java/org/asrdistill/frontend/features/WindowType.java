package org.asrdistill.frontend.features;

import java.util.Locale;

/** Analysis window shapes, with Kaldi's names ({@code --window-type}). */
public enum WindowType {
  HAMMING, HANNING, POVEY, RECTANGULAR, SINE, BLACKMAN;

  /** Kaldi's name for this window ("povey"). */
  public String kaldiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses Kaldi's name (also "blackmann", which Kaldi's help text spells that way). */
  public static WindowType ofKaldiName(String s) {
    String k = s.toLowerCase(Locale.ROOT);
    if (k.equals("blackmann")) {
      return BLACKMAN;
    }
    for (WindowType w : values()) {
      if (w.kaldiName().equals(k)) {
        return w;
      }
    }
    throw new IllegalArgumentException("window-type must be one of hamming, hanning, povey, rectangular, "
        + "sine, blackman; got: " + s);
  }

  /** Window weights for a frame of {@code length} samples (Kaldi's FeatureWindowFunction). */
  public double[] weights(int length, double blackmanCoeff) {
    if (length < 2) {
      throw new IllegalArgumentException("window length must be >= 2 samples; got: " + length);
    }
    double[] w = new double[length];
    double a = 2 * Math.PI / (length - 1);
    for (int i = 0; i < length; i++) {
      double c = Math.cos(a * i);
      w[i] = switch (this) {
        case HANNING -> 0.5 - 0.5 * c;
        case SINE -> Math.sin(0.5 * a * i);
        case HAMMING -> 0.54 - 0.46 * c;
        case POVEY -> Math.pow(0.5 - 0.5 * c, 0.85);
        case RECTANGULAR -> 1.0;
        case BLACKMAN -> blackmanCoeff - 0.5 * c + (0.5 - blackmanCoeff) * Math.cos(2 * a * i);
      };
    }
    return w;
  }
}
