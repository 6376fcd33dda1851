package org.asrdistill.kaldiio.wav;

/**
 * A WAV header (Kaldi's WaveInfo).
 *
 * @param sampleRate samples per second per channel
 * @param numChannels channel count (at least 1)
 * @param encoding the sample encoding
 * @param sampleCount samples per channel the header announces, or -1 when the length is unknown
 *     ("stream mode": sizes 0, 0xFFFFFFFF or SoX's 0x7FFFF000, as written to pipes)
 * @param bigEndian true for RIFX files
 */
public record WaveInfo(int sampleRate, int numChannels, WaveEncoding encoding, long sampleCount,
    boolean bigEndian) {

  public WaveInfo {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be > 0; got: " + sampleRate);
    }
    if (numChannels <= 0) {
      throw new IllegalArgumentException("numChannels must be > 0; got: " + numChannels);
    }
    if (encoding == null) {
      throw new IllegalArgumentException("encoding must not be null");
    }
    if (sampleCount < -1) {
      throw new IllegalArgumentException("sampleCount must be >= -1; got: " + sampleCount);
    }
  }

  /** True when the header does not give the length (data is read to the end of the input). */
  public boolean isStreamed() {
    return sampleCount < 0;
  }

  /** Bytes per sample frame (all channels). */
  public int blockAlign() {
    return numChannels * encoding.bytesPerSample();
  }

  /** Duration in seconds announced by the header; only meaningful when not {@link #isStreamed()}. */
  public double duration() {
    if (isStreamed()) {
      throw new IllegalStateException("a streamed WAV header gives no duration");
    }
    return (double) sampleCount / sampleRate;
  }
}
