package org.asrdistill.frontend.audio;

/**
 * Decoded audio (Kaldi's {@code WaveData}): one float array per channel, samples on the int16 scale
 * (a full-scale 16-bit sample is 32767), and the sample rate in Hz.
 */
public final class WaveData {
  private final float sampleRate;
  private final float[][] channels;

  /** Wraps the channel arrays (not copied); all channels must have the same length. */
  public WaveData(float sampleRate, float[][] channels) {
    if (!(sampleRate > 0) || Float.isInfinite(sampleRate)) {
      throw new IllegalArgumentException("sampleRate must be > 0; got: " + sampleRate);
    }
    if (channels.length == 0) {
      throw new IllegalArgumentException("channels must be >= 1; got: 0");
    }
    for (float[] c : channels) {
      if (c.length != channels[0].length) {
        throw new IllegalArgumentException("all channels must have " + channels[0].length
            + " samples; got: " + c.length);
      }
    }
    this.sampleRate = sampleRate;
    this.channels = channels;
  }

  /** A single-channel wave. */
  public static WaveData mono(float sampleRate, float[] samples) {
    return new WaveData(sampleRate, new float[][] {samples});
  }

  public float sampleRate() {
    return sampleRate;
  }

  public int numChannels() {
    return channels.length;
  }

  public int numSamples() {
    return channels[0].length;
  }

  /** The samples of channel {@code c} (not a copy). */
  public float[] channel(int c) {
    if (c < 0 || c >= channels.length) {
      throw new IllegalArgumentException("channel must be in [0, " + channels.length + "); got: " + c);
    }
    return channels[c];
  }

  /** Duration in seconds. */
  public double duration() {
    return numSamples() / (double) sampleRate;
  }

  @Override
  public String toString() {
    return "WaveData[" + numChannels() + " ch x " + numSamples() + " samples @ " + sampleRate + " Hz]";
  }
}
