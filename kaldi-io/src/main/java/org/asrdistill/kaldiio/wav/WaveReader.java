package org.asrdistill.kaldiio.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Reads RIFF (little-endian) and RIFX (big-endian) WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64-bit,
 * plain or WAVE_FORMAT_EXTENSIBLE, any channel count. Samples come back on Kaldi's int16 scale: 16-bit
 * values unchanged, 8-bit as (u - 128) * 256, 24-bit / 256, 32-bit / 65536, float * 32768.
 *
 * <p>Length handling follows Kaldi's wave-reader.cc: a header with RIFF size 0 or 0xFFFFFFFF, or data
 * size 0, 0xFFFFFFFF or 0x7FFFF000 (SoX writing to a pipe) is in "stream mode" and the data is read to
 * the end of the input; chunks between {@code WAVE} and {@code fmt } and between {@code fmt } and
 * {@code data} are skipped. A data chunk that announces more bytes than arrive is accepted with a
 * warning when the input is a stream (a pipe cannot rewrite its header, e.g. {@code sox ... - |} after
 * effects that change the length), as Kaldi does; in a regular file it means the file is truncated and
 * is an error. Zero samples, NaN or infinite float samples and unsupported encodings are errors.
 */
public final class WaveReader {
  /** Data sizes and RIFF sizes that mean "length unknown" (see class comment). */
  private static final long STREAM_SIZE_SOX = 0x7FFFF000L;
  private static final long STREAM_SIZE_MAX = 0xFFFFFFFFL;
  private static final int BLOCK = 1 << 20;
  private static final int[] SUBFORMAT_TAIL = {0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38,
      0x9B, 0x71};

  private WaveReader() {
  }

  /** Reads a whole WAV file. */
  public static WaveData read(Path file) throws IOException {
    try (KaldiInput in = KaldiInput.open(file, 0)) {
      return read(in);
    }
  }

  /** Reads one WAV object (header and data) from {@code in}, leaving it after the data chunk. */
  public static WaveData read(KaldiInput in) throws IOException {
    WaveInfo info = readHeader(in);
    long dataStart = in.offset();
    int frame = info.blockAlign();
    byte[] bytes = readData(in, info);
    int frames = bytes.length / frame;
    if (frames == 0) {
      throw in.error(dataStart, bytes.length == 0 ? "WAV file has no samples (empty data chunk)"
          : "WAV data chunk has " + bytes.length + " bytes, less than one sample frame of " + frame);
    }
    if (bytes.length % frame != 0) {
      warn(in, "WAV data ends with a partial sample frame (" + bytes.length % frame
          + " bytes ignored)");
    }
    return new WaveData(info.sampleRate(), decode(in, info, bytes, frames, dataStart));
  }

  /**
   * Reads only the header (Kaldi's WaveInfoHolder). A file input is then positioned after the announced
   * data (checking that the file is long enough); a stream is left at the start of the data.
   */
  public static WaveInfo readInfo(KaldiInput in) throws IOException {
    WaveInfo info = readHeader(in);
    if (!info.isStreamed() && in.seekable()) {
      long end = in.offset() + info.sampleCount() * info.blockAlign();
      try {
        in.seek(end);
      } catch (KaldiFormatException e) {
        throw in.error(in.offset(), "WAV file is truncated: the header announces " + info.sampleCount()
            + " samples (data up to byte " + end + ") but the file is shorter");
      }
    }
    return info;
  }

  /** Parses the header and leaves {@code in} at the first data byte. */
  public static WaveInfo readHeader(KaldiInput in) throws IOException {
    long start = in.offset();
    String riff = tag(in, "RIFF or RIFX tag");
    boolean big;
    if (riff.equals("RIFF")) {
      big = false;
    } else if (riff.equals("RIFX")) {
      big = true;
    } else {
      throw in.error(start, "not a WAV file: expected 'RIFF' or 'RIFX', got '" + printable(riff) + "'");
    }
    long riffSize = u32(in, big);
    long at = in.offset();
    String wave = tag(in, "WAVE tag");
    if (!wave.equals("WAVE")) {
      throw in.error(at, "not a WAV file: expected 'WAVE', got '" + printable(wave) + "'");
    }
    at = in.offset();
    String chunk = tag(in, "chunk name");
    while (!chunk.equals("fmt ")) {
      if (chunk.equals("data")) {
        throw in.error(at, "WAV 'data' chunk comes before the 'fmt ' chunk");
      }
      skipChunk(in, u32(in, big), chunk);
      at = in.offset();
      chunk = tag(in, "chunk name ('fmt ' expected)");
    }
    long fmtSize = u32(in, big);
    long fmtAt = in.offset();
    if (fmtSize < 16) {
      throw in.error(at, "WAV 'fmt ' chunk is " + fmtSize + " bytes; at least 16 required");
    }
    int format = u16(in, big);
    int channels = u16(in, big);
    long rate = u32(in, big);
    long byteRate = u32(in, big);
    int blockAlign = u16(in, big);
    int bits = u16(in, big);
    long used = 16;
    int code = format;
    if (format == 0xFFFE) {
      if (fmtSize < 40) {
        throw in.error(fmtAt, "malformed WAVE_FORMAT_EXTENSIBLE: 'fmt ' chunk is " + fmtSize
            + " bytes; 40 required");
      }
      int extra = u16(in, big);
      if (extra < 22) {
        throw in.error(fmtAt + 16, "malformed WAVE_FORMAT_EXTENSIBLE: extension size " + extra
            + "; 22 required");
      }
      u16(in, big); // valid bits per sample: samples are left-aligned in their container
      u32(in, big); // channel mask
      long guidAt = in.offset();
      code = (int) u32(in, big);
      for (int expected : SUBFORMAT_TAIL) {
        if (byteOrEof(in, "extensible sub-format GUID") != expected) {
          throw in.error(guidAt, "unsupported WAVE_FORMAT_EXTENSIBLE sub-format (not a standard "
              + "KSDATAFORMAT GUID)");
        }
      }
      used = 40;
    }
    WaveEncoding enc = WaveEncoding.of(code, bits);
    if (enc == null) {
      throw in.error(fmtAt, "unsupported WAV encoding: " + describeFormat(code, bits)
          + " (supported: PCM 8/16/24/32-bit, IEEE float 32/64-bit)");
    }
    if (channels == 0) {
      throw in.error(fmtAt + 2, "WAV header declares no channels");
    }
    if (rate == 0 || rate > Integer.MAX_VALUE) {
      throw in.error(fmtAt + 4, "WAV header has invalid sample rate " + rate);
    }
    int expectAlign = channels * enc.bytesPerSample();
    if (blockAlign != expectAlign) {
      throw in.error(fmtAt + 12, "unexpected WAV block align " + blockAlign + "; expected " + channels
          + " channels * " + enc.bytesPerSample() + " bytes = " + expectAlign);
    }
    if (byteRate != rate * expectAlign) {
      throw in.error(fmtAt + 8, "unexpected WAV byte rate " + byteRate + "; expected " + rate + " * "
          + expectAlign + " = " + rate * expectAlign);
    }
    skipBytes(in, fmtSize - used + (fmtSize & 1), "'fmt ' chunk");
    at = in.offset();
    chunk = tagOrNull(in);
    while (chunk == null || !chunk.equals("data")) {
      if (chunk == null) {
        throw in.error(at, "WAV file has no 'data' chunk");
      }
      skipChunk(in, u32(in, big), chunk);
      at = in.offset();
      chunk = tagOrNull(in);
    }
    long dataSize = u32(in, big);
    boolean streamed = riffSize == 0 || riffSize == STREAM_SIZE_MAX || dataSize == 0
        || dataSize == STREAM_SIZE_MAX || dataSize == STREAM_SIZE_SOX;
    long count = streamed ? -1 : dataSize / expectAlign;
    return new WaveInfo((int) rate, channels, enc, count, big);
  }

  private static byte[] readData(KaldiInput in, WaveInfo info) throws IOException {
    long dataStart = in.offset();
    long want = info.isStreamed() ? Long.MAX_VALUE : info.sampleCount() * info.blockAlign();
    long limit = Integer.MAX_VALUE - 16;
    byte[] buf = new byte[(int) Math.min(Math.min(want, limit), BLOCK)];
    int n = 0;
    while (n < want) {
      if (n == buf.length) {
        if (n >= limit) {
          throw in.error(dataStart, "WAV data larger than " + limit + " bytes is not supported");
        }
        buf = Arrays.copyOf(buf, (int) Math.min(Math.min(want, limit), 2L * buf.length));
      }
      int got = in.readUpTo(buf, n, buf.length - n);
      n += got;
      if (got == 0) {
        break;
      }
    }
    if (!info.isStreamed() && n < want) {
      String msg = "WAV data chunk announces " + want + " bytes but only " + n + " are present";
      if (in.seekable()) {
        throw in.error(dataStart + n, "WAV file is truncated: " + msg);
      }
      warn(in, msg + " (stream: using what arrived, as Kaldi does)");
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  private static FloatMatrix decode(KaldiInput in, WaveInfo info, byte[] bytes, int frames, long dataStart)
      throws KaldiFormatException {
    int ch = info.numChannels();
    float[] out = new float[Math.multiplyExact(ch, frames)];
    ByteBuffer b = ByteBuffer.wrap(bytes).order(info.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    WaveEncoding enc = info.encoding();
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < ch; c++) {
        float v;
        switch (enc) {
          case PCM_8:
            v = ((b.get() & 0xff) - 128) * 256f;
            break;
          case PCM_16:
            v = b.getShort();
            break;
          case PCM_24: {
            int b0 = b.get() & 0xff;
            int b1 = b.get() & 0xff;
            int b2 = b.get();
            int x = info.bigEndian() ? ((b0 << 24) | (b1 << 16) | ((b2 & 0xff) << 8)) >> 8
                : (b2 << 16) | (b1 << 8) | b0;
            v = x / 256f;
            break;
          }
          case PCM_32:
            v = (float) (b.getInt() / 65536.0);
            break;
          case FLOAT_32: {
            float f = b.getFloat();
            if (!Float.isFinite(f)) {
              throw nonFinite(in, dataStart, b.position() - 4, f);
            }
            v = f * WaveData.SAMPLE_MAX;
            break;
          }
          default: {
            double d = b.getDouble();
            if (!Double.isFinite(d)) {
              throw nonFinite(in, dataStart, b.position() - 8, d);
            }
            v = (float) (d * WaveData.SAMPLE_MAX);
            break;
          }
        }
        out[c * frames + i] = v;
      }
    }
    return new FloatMatrix(ch, frames, out);
  }

  private static KaldiFormatException nonFinite(KaldiInput in, long dataStart, int pos, double v) {
    return in.error(dataStart + pos, "float WAV sample is " + v + " (NaN and infinity are not audio)");
  }

  private static void warn(KaldiInput in, String msg) {
    System.err.println("WARNING: " + in.name() + (in.key() == null ? "" : ", key '" + in.key() + "'")
        + ": " + msg);
  }

  private static String describeFormat(int code, int bits) {
    String name;
    switch (code) {
      case 1: name = "PCM"; break;
      case 2: name = "MS ADPCM"; break;
      case 3: name = "IEEE float"; break;
      case 6: name = "A-law"; break;
      case 7: name = "mu-law"; break;
      case 0x11: name = "IMA ADPCM"; break;
      case 0x55: name = "MPEG layer 3"; break;
      default: name = "unknown"; break;
    }
    return String.format(Locale.ROOT, "format code %d (%s) with %d bits per sample", code, name, bits);
  }

  private static void skipChunk(KaldiInput in, long size, String name) throws IOException {
    skipBytes(in, size + (size & 1), "'" + printable(name) + "' chunk");
  }

  private static void skipBytes(KaldiInput in, long n, String what) throws IOException {
    long at = in.offset();
    if (in.seekable()) {
      try {
        in.seek(at + n);
        return;
      } catch (KaldiFormatException e) {
        throw in.error(at, "WAV header is truncated inside the " + what);
      }
    }
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    long left = n;
    while (left > 0) {
      int got = in.readUpTo(scratch, 0, (int) Math.min(left, scratch.length));
      if (got == 0) {
        throw in.error(at, "WAV header is truncated inside the " + what);
      }
      left -= got;
    }
  }

  private static String tag(KaldiInput in, String what) throws IOException {
    long at = in.offset();
    String t = tagOrNull(in);
    if (t == null) {
      throw in.error(at, "WAV header is truncated: expected " + what);
    }
    return t;
  }

  private static String tagOrNull(KaldiInput in) throws IOException {
    byte[] b = new byte[4];
    int got = in.readUpTo(b, 0, 4);
    if (got < 4) {
      return null;
    }
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static int byteOrEof(KaldiInput in, String what) throws IOException {
    int c = in.read();
    if (c < 0) {
      throw in.error("WAV header is truncated inside the " + what);
    }
    return c;
  }

  private static int u16(KaldiInput in, boolean big) throws IOException {
    int a = byteOrEof(in, "header");
    int b = byteOrEof(in, "header");
    return big ? (a << 8) | b : (b << 8) | a;
  }

  private static long u32(KaldiInput in, boolean big) throws IOException {
    long lo = u16(in, big);
    long hi = u16(in, big);
    return big ? (lo << 16) | hi : (hi << 16) | lo;
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
    }
    return sb.toString();
  }
}
