package org.asrdistill.frontend.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes {@link WaveData} as a 16-bit PCM WAV file (samples rounded and clipped to the int16 range). */
public final class WavWriter {
  private WavWriter() {
  }

  /** The complete WAV file as bytes. */
  public static byte[] toBytes(WaveData w) {
    int ch = w.numChannels();
    int n = w.numSamples();
    long dataBytes = 2L * ch * n;
    if (dataBytes > Integer.MAX_VALUE - 44) {
      throw new IllegalArgumentException("wave too long for a WAV file: " + n + " samples x " + ch + " channels");
    }
    int rate = Math.round(w.sampleRate());
    ByteBuffer b = ByteBuffer.allocate(44 + (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(36 + (int) dataBytes).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) ch).putInt(rate)
        .putInt(rate * 2 * ch).putShort((short) (2 * ch)).putShort((short) 16);
    b.put(ascii("data")).putInt((int) dataBytes);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < ch; c++) {
        float v = Math.round(w.channel(c)[i]);
        b.putShort((short) Math.max(-32768, Math.min(32767, v)));
      }
    }
    return b.array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
