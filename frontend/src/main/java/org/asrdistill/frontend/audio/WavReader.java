package org.asrdistill.frontend.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;

/**
 * Parses a RIFF/WAVE file into {@link WaveData}. Accepted encodings: PCM 8-bit (unsigned), 16, 24 and 32-bit
 * (signed), and IEEE float 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE. Samples are scaled to the int16
 * range as Kaldi uses them: 16-bit samples unchanged, 8-bit {@code (b-128)*256}, 24-bit {@code /256},
 * 32-bit {@code /65536}, float {@code *32768}.
 *
 * <p>As in Kaldi, a data chunk size of 0 or 0xFFFFFFFF means "until the end of the stream" (streamed
 * output of sox and similar). Any other shortfall, a broken header, an unsupported encoding, zero samples or
 * a NaN/Inf float sample is a {@link KaldiFormatException} naming the source, key and byte offset.
 */
public final class WavReader {
  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_FLOAT = 3;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

  private WavReader() {
  }

  /** Reads one WAV file starting at the input's current position and leaves the input after it. */
  public static WaveData read(KaldiInput in) throws IOException {
    long start = in.offset();
    expectTag(in, "RIFF", "a WAV file (RIFF header)");
    long riffSize = uint32(in);
    expectTag(in, "WAVE", "WAVE after the RIFF size");
    long consumed = 4; // bytes of the RIFF payload read so far
    Format fmt = null;
    while (true) {
      long chunkAt = in.offset();
      if (in.atEof()) {
        throw in.error(chunkAt, fmt == null ? "WAV file has no 'fmt ' chunk" : "WAV file has no 'data' chunk");
      }
      String id = tag(in);
      long size = uint32(in);
      consumed += 8;
      if (id.equals("fmt ")) {
        fmt = readFormat(in, size, chunkAt);
        consumed += size + (size & 1);
      } else if (id.equals("data")) {
        if (fmt == null) {
          throw in.error(chunkAt, "WAV 'data' chunk comes before the 'fmt ' chunk");
        }
        boolean streamed = size == 0 || size == 0xFFFFFFFFL
            || (riffSize == 0xFFFFFFFFL || riffSize == 0) && size > MAX_DATA_BYTES;
        byte[] bytes = streamed ? readToEnd(in) : readExactly(in, size, chunkAt);
        if (!streamed && (size & 1) == 1 && consumed + size < riffSize && !in.atEof()) {
          in.read(); // pad byte
        }
        return decode(in, fmt, bytes, chunkAt + 8);
      } else {
        if (size > MAX_DATA_BYTES) {
          throw in.error(chunkAt, "WAV chunk '" + printable(id) + "' has implausible size " + size);
        }
        long skip = size + (size & 1);
        try {
          in.skip(skip);
        } catch (java.io.EOFException e) {
          throw in.error(chunkAt, "WAV file ends inside chunk '" + printable(id) + "' of " + size + " bytes");
        }
        consumed += skip;
      }
      if (consumed > 64L * 1024 * 1024 && fmt == null) {
        throw in.error(start, "no 'fmt ' chunk in the first 64 MiB of the WAV file");
      }
    }
  }

  private record Format(int tag, int channels, int sampleRate, int blockAlign, int bits) {
  }

  private static Format readFormat(KaldiInput in, long size, long at) throws IOException {
    if (size < 16 || size > 4096) {
      throw in.error(at, "WAV 'fmt ' chunk size must be 16..4096; got: " + size);
    }
    byte[] b = new byte[(int) (size + (size & 1))];
    try {
      in.readBytes(b, 0, b.length);
    } catch (KaldiFormatException e) {
      throw in.error(at, "WAV file ends inside the 'fmt ' chunk");
    }
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int tag = bb.getShort(0) & 0xffff;
    int channels = bb.getShort(2) & 0xffff;
    long rate = bb.getInt(4) & 0xffffffffL;
    int blockAlign = bb.getShort(12) & 0xffff;
    int bits = bb.getShort(14) & 0xffff;
    if (tag == FORMAT_EXTENSIBLE) {
      if (size < 40) {
        throw in.error(at, "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk must be >= 40 bytes; got: " + size);
      }
      tag = bb.getShort(24) & 0xffff; // first two bytes of the sub-format GUID
    }
    if (tag != FORMAT_PCM && tag != FORMAT_FLOAT) {
      throw in.error(at, "unsupported WAV encoding (format tag " + tag
          + "); only PCM (1) and IEEE float (3) are supported");
    }
    boolean okBits = tag == FORMAT_PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32
        : bits == 32 || bits == 64;
    if (!okBits) {
      throw in.error(at, "unsupported WAV sample size: " + bits + " bits for "
          + (tag == FORMAT_PCM ? "PCM (8, 16, 24 or 32 allowed)" : "IEEE float (32 or 64 allowed)"));
    }
    if (channels < 1 || channels > 1024) {
      throw in.error(at, "WAV channel count must be 1..1024; got: " + channels);
    }
    if (rate < 1 || rate > 10_000_000) {
      throw in.error(at, "WAV sample rate must be 1..10000000 Hz; got: " + rate);
    }
    if (blockAlign != channels * (bits / 8)) {
      throw in.error(at, "WAV block align " + blockAlign + " does not match " + channels + " channels x "
          + bits + " bits");
    }
    return new Format(tag, channels, (int) rate, blockAlign, bits);
  }

  private static byte[] readExactly(KaldiInput in, long size, long chunkAt) throws IOException {
    if (size > MAX_DATA_BYTES) {
      throw in.error(chunkAt, "WAV data chunk too large: " + size + " bytes");
    }
    byte[] b = new byte[(int) size];
    try {
      in.readBytes(b, 0, b.length);
    } catch (KaldiFormatException e) {
      throw in.error(e.offset(), "WAV data truncated: the data chunk declares " + size + " bytes; "
          + e.problem());
    }
    return b;
  }

  private static byte[] readToEnd(KaldiInput in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int c = in.read(); c >= 0; c = in.read()) {
      out.write(c);
      if (out.size() > MAX_DATA_BYTES) {
        throw in.error("streamed WAV data exceeds " + MAX_DATA_BYTES + " bytes");
      }
    }
    return out.toByteArray();
  }

  private static WaveData decode(KaldiInput in, Format f, byte[] bytes, long dataAt) throws IOException {
    if (bytes.length % f.blockAlign != 0) {
      throw in.error(dataAt + bytes.length - bytes.length % f.blockAlign, "WAV data truncated: "
          + bytes.length + " data bytes is not a whole number of " + f.blockAlign + "-byte sample frames");
    }
    int n = bytes.length / f.blockAlign;
    if (n == 0) {
      throw in.error(dataAt, "WAV file has zero samples");
    }
    float[][] ch = new float[f.channels][n];
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int width = f.bits / 8;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < f.channels; c++) {
        int p = i * f.blockAlign + c * width;
        float v;
        if (f.tag == FORMAT_FLOAT) {
          double d = f.bits == 32 ? bb.getFloat(p) : bb.getDouble(p);
          if (!Double.isFinite(d)) {
            throw in.error(dataAt + p, "WAV float sample " + i + " of channel " + c + " is " + d);
          }
          v = (float) (d * 32768.0);
        } else if (width == 2) {
          v = bb.getShort(p);
        } else if (width == 1) {
          v = ((bytes[p] & 0xff) - 128) * 256f;
        } else if (width == 3) {
          int s = (bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8 | bytes[p + 2] << 16;
          v = s / 256f;
        } else {
          v = (float) (bb.getInt(p) / 65536.0);
        }
        ch[c][i] = v;
      }
    }
    return new WaveData(f.sampleRate, ch);
  }

  private static void expectTag(KaldiInput in, String want, String what) throws IOException {
    long at = in.offset();
    String got;
    try {
      got = tag(in);
    } catch (KaldiFormatException e) {
      throw in.error(at, "input ends before " + what);
    }
    if (!got.equals(want)) {
      throw in.error(at, "expected " + what + " '" + want + "'; found '" + printable(got) + "'");
    }
  }

  private static String tag(KaldiInput in) throws IOException {
    byte[] b = new byte[4];
    long at = in.offset();
    try {
      in.readBytes(b, 0, 4);
    } catch (KaldiFormatException e) {
      throw in.error(at, "WAV file ends inside a chunk header");
    }
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static long uint32(KaldiInput in) throws IOException {
    long at = in.offset();
    byte[] b = new byte[4];
    try {
      in.readBytes(b, 0, 4);
    } catch (KaldiFormatException e) {
      throw in.error(at, "WAV file ends inside a chunk size");
    }
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
    }
    return sb.toString();
  }
}
