package org.asrdistill.kaldiio.matrix;

/**
 * Kaldi's compression methods, numbered as {@code copy-feats --compression-method=N} numbers them.
 */
public enum CompressionMethod {
  /** 1: {@link #SPEECH_FEATURE} when the matrix has more than 8 rows, else {@link #TWO_BYTE_AUTO}. */
  AUTOMATIC(1),
  /** 2: one byte per value with per-column percentile headers ({@code CM}). */
  SPEECH_FEATURE(2),
  /** 3: two bytes per value over the matrix's own range ({@code CM2}). */
  TWO_BYTE_AUTO(3),
  /** 4: two bytes per value, exact for integers in [-32768, 32767] ({@code CM2}). */
  TWO_BYTE_SIGNED_INTEGER(4),
  /** 5: one byte per value over the matrix's own range ({@code CM3}). */
  ONE_BYTE_AUTO(5),
  /** 6: one byte per value, exact for integers in [0, 255] ({@code CM3}). */
  ONE_BYTE_UNSIGNED_INTEGER(6),
  /** 7: one byte per value over [0, 1] ({@code CM3}). */
  ONE_BYTE_ZERO_ONE(7);

  private final int code;

  CompressionMethod(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static CompressionMethod ofCode(int code) {
    for (CompressionMethod m : values()) {
      if (m.code == code) {
        return m;
      }
    }
    throw new IllegalArgumentException("compression method must be in [1, 7]; got: " + code);
  }
}
