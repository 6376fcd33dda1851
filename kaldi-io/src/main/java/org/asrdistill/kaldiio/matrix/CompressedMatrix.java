package org.asrdistill.kaldiio.matrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/**
 * Kaldi's lossily compressed matrix in its three on-disk formats: {@code CM} (one byte per value,
 * piecewise-linear between four per-column percentiles), {@code CM2} (two bytes per value over a global
 * range) and {@code CM3} (one byte per value over a global range). Compression reproduces Kaldi's
 * arithmetic, including its float/double promotion, so that archives are byte-identical.
 */
public final class CompressedMatrix {
  /** Format codes as stored in Kaldi's global header. */
  public static final int FORMAT_ONE_BYTE_COL_HEADERS = 1;
  public static final int FORMAT_TWO_BYTE = 2;
  public static final int FORMAT_ONE_BYTE = 3;

  private final int format;
  private final float minValue;
  private final float range;
  private final int rows;
  private final int cols;
  /** Everything after the 16-byte header: per-column headers and values, in Kaldi's layout. */
  private final byte[] payload;

  private CompressedMatrix(int format, float minValue, float range, int rows, int cols, byte[] payload) {
    this.format = format;
    this.minValue = minValue;
    this.range = range;
    this.rows = rows;
    this.cols = cols;
    this.payload = payload;
  }

  public int format() {
    return format;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The token Kaldi writes before the header. */
  public String token() {
    return format == FORMAT_TWO_BYTE ? "CM2" : format == FORMAT_ONE_BYTE ? "CM3" : "CM";
  }

  /** Bytes after the 16-byte header for a given format and size. */
  static long payloadSize(int format, long rows, long cols) {
    switch (format) {
      case FORMAT_ONE_BYTE_COL_HEADERS:
        return cols * (8 + rows);
      case FORMAT_TWO_BYTE:
        return 2 * rows * cols;
      case FORMAT_ONE_BYTE:
        return rows * cols;
      default:
        throw new IllegalArgumentException("format must be 1, 2 or 3; got: " + format);
    }
  }

  /** Compresses {@code m} with {@code method}, exactly as Kaldi's {@code CompressedMatrix::CopyFromMat}. */
  public static CompressedMatrix compress(FloatMatrix m, CompressionMethod method) {
    int rows = m.rows();
    int cols = m.cols();
    if (rows == 0 || cols == 0) {
      return new CompressedMatrix(FORMAT_ONE_BYTE_COL_HEADERS, 0f, 0f, 0, 0, new byte[0]);
    }
    if (method == CompressionMethod.AUTOMATIC) {
      method = rows > 8 ? CompressionMethod.SPEECH_FEATURE : CompressionMethod.TWO_BYTE_AUTO;
    }
    int format;
    switch (method) {
      case SPEECH_FEATURE:
        format = FORMAT_ONE_BYTE_COL_HEADERS;
        break;
      case TWO_BYTE_AUTO:
      case TWO_BYTE_SIGNED_INTEGER:
        format = FORMAT_TWO_BYTE;
        break;
      default:
        format = FORMAT_ONE_BYTE;
    }
    float min;
    float range;
    switch (method) {
      case TWO_BYTE_SIGNED_INTEGER:
        min = -32768f;
        range = 65535f;
        break;
      case ONE_BYTE_UNSIGNED_INTEGER:
        min = 0f;
        range = 255f;
        break;
      case ONE_BYTE_ZERO_ONE:
        min = 0f;
        range = 1f;
        break;
      default: {
        float lo = m.min();
        float hi = m.max();
        if (!Float.isFinite(lo) || !Float.isFinite(hi)) {
          throw new IllegalArgumentException("cannot compress a matrix with NaN or infinite values");
        }
        if (hi == lo) {
          hi = (float) (lo + (1.0 + Math.abs((double) lo)));
        }
        min = lo;
        range = hi - lo;
      }
    }
    float[] d = m.data();
    byte[] out = new byte[(int) payloadSize(format, rows, cols)];
    if (format == FORMAT_TWO_BYTE) {
      ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < d.length; i++) {
        bb.putShort((short) floatToUint16(min, range, d[i]));
      }
    } else if (format == FORMAT_ONE_BYTE) {
      for (int i = 0; i < d.length; i++) {
        out[i] = (byte) floatToUint8(min, range, d[i]);
      }
    } else {
      ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
      float[] col = new float[rows];
      int bytesStart = cols * 8;
      for (int c = 0; c < cols; c++) {
        for (int r = 0; r < rows; r++) {
          col[r] = d[r * cols + c];
        }
        int[] pct = columnHeader(min, range, col);
        for (int k = 0; k < 4; k++) {
          bb.putShort(c * 8 + 2 * k, (short) pct[k]);
        }
        float p0 = uint16ToFloat(min, range, pct[0]);
        float p25 = uint16ToFloat(min, range, pct[1]);
        float p75 = uint16ToFloat(min, range, pct[2]);
        float p100 = uint16ToFloat(min, range, pct[3]);
        int base = bytesStart + c * rows;
        for (int r = 0; r < rows; r++) {
          out[base + r] = (byte) floatToChar(p0, p25, p75, p100, d[r * cols + c]);
        }
      }
    }
    return new CompressedMatrix(format, min, range, rows, cols, out);
  }

  private static int[] columnHeader(float min, float range, float[] col) {
    float[] s = col.clone();
    Arrays.sort(s); // the four order statistics Kaldi's nth_element calls select
    int n = s.length;
    int p0;
    int p25;
    int p75;
    int p100;
    if (n >= 5) {
      int q = n / 4;
      p0 = Math.min(floatToUint16(min, range, s[0]), 65532);
      p25 = Math.min(Math.max(floatToUint16(min, range, s[q]), p0 + 1), 65533);
      p75 = Math.min(Math.max(floatToUint16(min, range, s[3 * q]), p25 + 1), 65534);
      p100 = Math.max(floatToUint16(min, range, s[n - 1]), p75 + 1);
    } else {
      p0 = Math.min(floatToUint16(min, range, s[0]), 65532);
      p25 = n > 1 ? Math.min(Math.max(floatToUint16(min, range, s[1]), p0 + 1), 65533) : p0 + 1;
      p75 = n > 2 ? Math.min(Math.max(floatToUint16(min, range, s[2]), p25 + 1), 65534) : p25 + 1;
      p100 = n > 3 ? Math.max(floatToUint16(min, range, s[3]), p75 + 1) : p75 + 1;
    }
    return new int[] {p0, p25, p75, p100 & 0xffff};
  }

  static int floatToUint16(float min, float range, float value) {
    float f = (value - min) / range;
    if (f > 1.0f) {
      f = 1.0f;
    }
    if (f < 0.0f) {
      f = 0.0f;
    }
    return (int) ((double) (f * 65535f) + 0.499);
  }

  static int floatToUint8(float min, float range, float value) {
    float f = (value - min) / range;
    if (f > 1.0f) {
      f = 1.0f;
    }
    if (f < 0.0f) {
      f = 0.0f;
    }
    return (int) ((double) (f * 255f) + 0.499);
  }

  static float uint16ToFloat(float min, float range, int value) {
    return min + range * 1.52590218966964e-05f * (float) value;
  }

  static int floatToChar(float p0, float p25, float p75, float p100, float value) {
    int ans;
    if (value < p25) {
      float f = (value - p0) / (p25 - p0);
      ans = (int) ((double) (f * 64f) + 0.5);
      ans = Math.max(0, Math.min(64, ans));
    } else if (value < p75) {
      float f = (value - p25) / (p75 - p25);
      ans = 64 + (int) ((double) (f * 128f) + 0.5);
      ans = Math.max(64, Math.min(192, ans));
    } else {
      float f = (value - p75) / (p100 - p75);
      ans = 192 + (int) ((double) (f * 63f) + 0.5);
      ans = Math.max(192, Math.min(255, ans));
    }
    return ans;
  }

  static float charToFloat(float p0, float p25, float p75, float p100, int value) {
    if (value <= 64) {
      return (float) (p0 + (p25 - p0) * (float) value * (1 / 64.0));
    } else if (value <= 192) {
      return (float) (p25 + (p75 - p25) * (float) (value - 64) * (1 / 128.0));
    } else {
      return (float) (p75 + (p100 - p75) * (float) (value - 192) * (1 / 63.0));
    }
  }

  /** Decompresses to a float matrix, as Kaldi's {@code CopyToMat}. */
  public FloatMatrix toFloatMatrix() {
    FloatMatrix m = new FloatMatrix(rows, cols);
    float[] d = m.data();
    if (rows == 0 || cols == 0) {
      return new FloatMatrix(0, 0);
    }
    ByteBuffer bb = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    if (format == FORMAT_TWO_BYTE) {
      float inc = (float) (range * (1.0 / 65535.0));
      for (int i = 0; i < d.length; i++) {
        d[i] = min() + (float) (bb.getShort(2 * i) & 0xffff) * inc;
      }
    } else if (format == FORMAT_ONE_BYTE) {
      float inc = (float) (range * (1.0 / 255.0));
      for (int i = 0; i < d.length; i++) {
        d[i] = min() + (float) (payload[i] & 0xff) * inc;
      }
    } else {
      int bytesStart = cols * 8;
      for (int c = 0; c < cols; c++) {
        float p0 = uint16ToFloat(minValue, range, bb.getShort(c * 8) & 0xffff);
        float p25 = uint16ToFloat(minValue, range, bb.getShort(c * 8 + 2) & 0xffff);
        float p75 = uint16ToFloat(minValue, range, bb.getShort(c * 8 + 4) & 0xffff);
        float p100 = uint16ToFloat(minValue, range, bb.getShort(c * 8 + 6) & 0xffff);
        int base = bytesStart + c * rows;
        for (int r = 0; r < rows; r++) {
          d[r * cols + c] = charToFloat(p0, p25, p75, p100, payload[base + r] & 0xff);
        }
      }
    }
    return m;
  }

  private float min() {
    return minValue;
  }

  /**
   * Reads the header and data that follow a {@code CM}, {@code CM2} or {@code CM3} token (already
   * consumed; {@code token} says which). Dimensions are checked against what the input can hold before
   * anything is allocated.
   */
  public static CompressedMatrix readAfterToken(KaldiInput in, String token) throws IOException {
    int format;
    switch (token) {
      case "CM":
        format = FORMAT_ONE_BYTE_COL_HEADERS;
        break;
      case "CM2":
        format = FORMAT_TWO_BYTE;
        break;
      case "CM3":
        format = FORMAT_ONE_BYTE;
        break;
      default:
        throw in.error("expected CM, CM2 or CM3, found '" + KaldiInput.abbreviate(token) + "'");
    }
    long at = in.offset();
    float min = in.readRawFloat();
    float range = in.readRawFloat();
    int rows = in.readRawInt32();
    int cols = in.readRawInt32();
    if (cols == 0 || rows == 0) {
      return new CompressedMatrix(format, min, range, 0, 0, new byte[0]);
    }
    if (rows < 0 || cols < 0) {
      throw in.error(at, "negative compressed-matrix dimensions " + rows + " x " + cols);
    }
    long size = payloadSize(format, rows, cols);
    if (size > Integer.MAX_VALUE - 8) {
      throw in.error(at, "absurd compressed-matrix dimensions " + rows + " x " + cols);
    }
    if (!Float.isFinite(min) || !Float.isFinite(range)) {
      throw in.error(at, "non-finite compressed-matrix header (min " + min + ", range " + range + ")");
    }
    in.checkAvailable(at, size, "a " + rows + " x " + cols + " " + token + " matrix");
    byte[] payload = new byte[(int) Math.min(size, 1 << 20)];
    if (size > payload.length) {
      // Grow as data arrives, so a corrupt size cannot make us allocate gigabytes up front.
      java.io.ByteArrayOutputStream grown = new java.io.ByteArrayOutputStream();
      long left = size;
      while (left > 0) {
        int take = (int) Math.min(left, payload.length);
        in.readBytes(payload, 0, take);
        grown.write(payload, 0, take);
        left -= take;
      }
      payload = grown.toByteArray();
    } else {
      in.readBytes(payload, 0, (int) size);
    }
    return new CompressedMatrix(format, min, range, rows, cols, payload);
  }

  /** Writes the token, header and data in Kaldi's binary layout (no binary-header marker). */
  public void write(KaldiOutput out) throws IOException {
    out.writeToken(token());
    out.writeRawFloat(minValue);
    out.writeRawFloat(range);
    out.writeRawInt32(rows);
    out.writeRawInt32(cols);
    out.writeBytes(payload, 0, payload.length);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CompressedMatrix)) {
      return false;
    }
    CompressedMatrix c = (CompressedMatrix) o;
    return c.format == format && Float.compare(c.minValue, minValue) == 0
        && Float.compare(c.range, range) == 0 && c.rows == rows && c.cols == cols
        && Arrays.equals(c.payload, payload);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(payload) * 31 + rows * 7 + cols;
  }
}
