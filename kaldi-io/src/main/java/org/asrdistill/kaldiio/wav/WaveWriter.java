package org.asrdistill.kaldiio.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.asrdistill.kaldiio.io.KaldiOutput;

/**
 * Writes canonical little-endian RIFF WAVE files (44-byte header). The default, like Kaldi's
 * WaveData::Write, is 16-bit PCM: each int16-scale sample is truncated toward zero and clipped to
 * [-32768, 32767], with a warning counting clipped samples. The other encodings invert {@link
 * WaveReader}'s scaling the same way (truncation and clipping for PCM, division by 32768 for float).
 */
public final class WaveWriter {
  private WaveWriter() {
  }

  /** Writes 16-bit PCM; returns the number of clipped samples. */
  public static long write(KaldiOutput out, WaveData wave) throws IOException {
    return write(out, wave, WaveEncoding.PCM_16);
  }

  /** Writes {@code wave} to {@code file} atomically (temporary name, then rename); 16-bit PCM. */
  public static long write(Path file, WaveData wave) throws IOException {
    return write(file, wave, WaveEncoding.PCM_16);
  }

  /** Writes {@code wave} to {@code file} atomically in {@code encoding}. */
  public static long write(Path file, WaveData wave, WaveEncoding encoding) throws IOException {
    try (KaldiOutput out = KaldiOutput.createFile(file)) {
      long clipped = write(out, wave, encoding);
      out.commit();
      return clipped;
    }
  }

  /** Writes {@code wave} in {@code encoding}; returns the number of clipped samples. */
  public static long write(KaldiOutput out, WaveData wave, WaveEncoding encoding) throws IOException {
    if (encoding == null) {
      throw new IllegalArgumentException("encoding must not be null");
    }
    int ch = wave.numChannels();
    int n = wave.numSamples();
    int bytes = encoding.bytesPerSample();
    long dataSize = (long) ch * n * bytes;
    if (dataSize + 36 > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("wave too long for a WAV file: " + n + " samples x " + ch
          + " channels");
    }
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put(ascii("RIFF")).putInt((int) (36 + dataSize)).put(ascii("WAVE"));
    h.put(ascii("fmt ")).putInt(16).putShort((short) encoding.formatCode()).putShort((short) ch);
    h.putInt(wave.sampleRate()).putInt(wave.sampleRate() * ch * bytes).putShort((short) (ch * bytes));
    h.putShort((short) encoding.bitsPerSample());
    h.put(ascii("data")).putInt((int) dataSize);
    out.writeBytes(h.array(), 0, 44);

    float[] d = wave.samples().data();
    ByteBuffer b = ByteBuffer.allocate(Math.max(1, Math.min(n, 8192)) * ch * bytes).order(ByteOrder.LITTLE_ENDIAN);
    long clipped = 0;
    for (int i = 0; i < n; i++) {
      if (b.remaining() < ch * bytes) {
        out.writeBytes(b.array(), 0, b.position());
        b.clear();
      }
      for (int c = 0; c < ch; c++) {
        float v = d[c * n + i];
        switch (encoding) {
          case PCM_8: {
            long q = clip((long) (v / 256f) + 128, 0, 255);
            clipped += q == ((long) (v / 256f) + 128) ? 0 : 1;
            b.put((byte) q);
            break;
          }
          case PCM_16: {
            long t = (long) v;
            long q = clip(t, Short.MIN_VALUE, Short.MAX_VALUE);
            clipped += q == t ? 0 : 1;
            b.putShort((short) q);
            break;
          }
          case PCM_24: {
            long t = (long) ((double) v * 256);
            long q = clip(t, -(1 << 23), (1 << 23) - 1);
            clipped += q == t ? 0 : 1;
            b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
            break;
          }
          case PCM_32: {
            long t = (long) ((double) v * 65536);
            long q = clip(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
            clipped += q == t ? 0 : 1;
            b.putInt((int) q);
            break;
          }
          case FLOAT_32:
            b.putFloat(v / WaveData.SAMPLE_MAX);
            break;
          default:
            b.putDouble((double) v / WaveData.SAMPLE_MAX);
            break;
        }
      }
    }
    out.writeBytes(b.array(), 0, b.position());
    if (clipped > 0) {
      System.err.println("WARNING: " + out.name() + ": clipped " + clipped + " samples out of total "
          + (long) ch * n + ". Reduce volume?");
    }
    return clipped;
  }

  private static long clip(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
