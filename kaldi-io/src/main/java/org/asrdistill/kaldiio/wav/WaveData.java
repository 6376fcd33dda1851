package org.asrdistill.kaldiio.wav;

import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Audio samples as Kaldi holds them (Kaldi's WaveData): one row per channel, one column per sample, on
 * the int16 scale (a 16-bit sample keeps its integer value, full scale is 32768).
 */
public final class WaveData {
  /** Kaldi's full-scale value: float samples in [-1, 1] are multiplied by this. */
  public static final float SAMPLE_MAX = 32768f;

  private final int sampleRate;
  private final FloatMatrix samples;

  /**
   * @param sampleRate samples per second per channel, > 0
   * @param samples channels x samples; at least one channel
   */
  public WaveData(int sampleRate, FloatMatrix samples) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be > 0; got: " + sampleRate);
    }
    if (samples == null || samples.rows() < 1) {
      throw new IllegalArgumentException("samples must have at least one channel (row)");
    }
    this.sampleRate = sampleRate;
    this.samples = samples;
  }

  /** A single-channel wave from samples on the int16 scale. */
  public static WaveData mono(int sampleRate, float[] samples) {
    return new WaveData(sampleRate, new FloatMatrix(1, samples.length, samples.clone()));
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int numChannels() {
    return samples.rows();
  }

  /** Samples per channel. */
  public int numSamples() {
    return samples.cols();
  }

  /** Duration in seconds. */
  public double duration() {
    return (double) samples.cols() / sampleRate;
  }

  /** The samples, channels x samples (the matrix itself, not a copy). */
  public FloatMatrix samples() {
    return samples;
  }

  /** A copy of one channel's samples. */
  public float[] channel(int c) {
    if (c < 0 || c >= samples.rows()) {
      throw new IllegalArgumentException("channel must be in [0, " + samples.rows() + "); got: " + c);
    }
    return samples.row(c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WaveData && ((WaveData) o).sampleRate == sampleRate
        && ((WaveData) o).samples.equals(samples);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRate + samples.hashCode();
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "WaveData[%d Hz, %d channel(s), %d samples]",
        sampleRate, numChannels(), numSamples());
  }
}
