package org.asrdistill.kaldiio.wav;

/** Sample encodings of a WAV data chunk that {@link WaveReader} understands. */
public enum WaveEncoding {
  /** Unsigned 8-bit PCM (silence is 128). */
  PCM_8(1, 8),
  /** Signed 16-bit PCM. */
  PCM_16(1, 16),
  /** Signed 24-bit PCM. */
  PCM_24(1, 24),
  /** Signed 32-bit PCM. */
  PCM_32(1, 32),
  /** IEEE 754 single precision, nominal range [-1, 1]. */
  FLOAT_32(3, 32),
  /** IEEE 754 double precision, nominal range [-1, 1]. */
  FLOAT_64(3, 64);

  private final int formatCode;
  private final int bits;

  WaveEncoding(int formatCode, int bits) {
    this.formatCode = formatCode;
    this.bits = bits;
  }

  /** The WAVE format code: 1 (PCM) or 3 (IEEE float). */
  public int formatCode() {
    return formatCode;
  }

  public int bitsPerSample() {
    return bits;
  }

  public int bytesPerSample() {
    return bits / 8;
  }

  public boolean isFloat() {
    return formatCode == 3;
  }

  /** The encoding for a format code (1 or 3) and sample size, or null if there is none. */
  public static WaveEncoding of(int formatCode, int bitsPerSample) {
    for (WaveEncoding e : values()) {
      if (e.formatCode == formatCode && e.bits == bitsPerSample) {
        return e;
      }
    }
    return null;
  }
}
