package org.asrdistill.kaldiio.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-assembles WAV files byte by byte, independently of {@link WaveWriter}, for reader tests. */
final class WavBytes {
  private final ByteOrder order;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private Long riffSizeOverride;

  WavBytes(boolean bigEndian) {
    this.order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  static WavBytes riff() {
    return new WavBytes(false);
  }

  WavBytes riffSize(long size) {
    riffSizeOverride = size;
    return this;
  }

  WavBytes chunk(String name, byte[] content) {
    return chunk(name, content.length, content);
  }

  /** A chunk whose size field says {@code declared} whatever the content length. */
  WavBytes chunk(String name, long declared, byte[] content) {
    body.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(buf(4).putInt((int) declared).array());
    body.writeBytes(content);
    if (content.length % 2 == 1 && declared == content.length) {
      body.write(0);
    }
    return this;
  }

  /** A plain 16-byte 'fmt ' chunk. */
  WavBytes fmt(int code, int channels, int rate, int bits) {
    int align = channels * bits / 8;
    return chunk("fmt ", buf(16).putShort((short) code).putShort((short) channels).putInt(rate)
        .putInt(rate * align).putShort((short) align).putShort((short) bits).array());
  }

  /** A 40-byte WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk with sub-format {@code subCode} and a standard GUID tail. */
  WavBytes fmtExtensible(int subCode, int channels, int rate, int bits, boolean standardGuid) {
    int align = channels * bits / 8;
    ByteBuffer b = buf(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate)
        .putInt(rate * align).putShort((short) align).putShort((short) bits)
        .putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3).putInt(subCode);
    int[] tail = {0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, standardGuid ? 0x71 : 0x72};
    for (int t : tail) {
      b.put((byte) t);
    }
    return chunk("fmt ", b.array());
  }

  WavBytes data(byte[] samples) {
    return chunk("data", samples);
  }

  byte[] bytes() {
    byte[] inner = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((order == ByteOrder.BIG_ENDIAN ? "RIFX" : "RIFF").getBytes(StandardCharsets.US_ASCII));
    long size = riffSizeOverride != null ? riffSizeOverride : 4 + inner.length;
    out.writeBytes(buf(4).putInt((int) size).array());
    out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(inner);
    return out.toByteArray();
  }

  ByteBuffer buf(int n) {
    return ByteBuffer.allocate(n).order(order);
  }
}
