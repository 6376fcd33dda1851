package org.asrdistill.frontend.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.junit.jupiter.api.Test;

class WavReaderTest {
  /** A WAV file with the given format tag, bits, channels, rate and raw data bytes. */
  static byte[] wav(int tag, int bits, int channels, int rate, byte[] data, int declaredDataSize) {
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
        .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
    b.put("data".getBytes()).putInt(declaredDataSize).put(data);
    return b.array();
  }

  static WaveData read(byte[] bytes) throws Exception {
    try (KaldiInput in = KaldiInput.of("test.wav", bytes)) {
      return WavReader.read(in);
    }
  }

  static KaldiFormatException fails(byte[] bytes) {
    return assertThrows(KaldiFormatException.class, () -> read(bytes));
  }

  @Test
  void reads16BitStereoAndRoundTrips() throws Exception {
    WaveData w = new WaveData(8000, new float[][] {{1, -2, 32767}, {-32768, 5, 0}});
    WaveData r = read(WavWriter.toBytes(w));
    assertEquals(8000f, r.sampleRate());
    assertEquals(2, r.numChannels());
    assertArrayEquals(w.channel(0), r.channel(0));
    assertArrayEquals(w.channel(1), r.channel(1));
    assertEquals(3 / 8000.0, r.duration(), 1e-12);
  }

  @Test
  void scalesOtherEncodingsToInt16Range() throws Exception {
    ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1f);
    assertArrayEquals(new float[] {16384f, -32768f}, read(wav(3, 32, 1, 16000, f.array(), 8)).channel(0));
    assertArrayEquals(new float[] {-32768f, 0f, 256f}, read(wav(1, 8, 1, 16000, new byte[] {0, (byte) 128,
        (byte) 129}, 3)).channel(0));
    byte[] s24 = {0, 1, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff}; // 256 and -1
    assertArrayEquals(new float[] {1f, -1f / 256}, read(wav(1, 24, 1, 16000, s24, 6)).channel(0));
  }

  @Test
  void streamedSizeReadsToTheEnd() throws Exception {
    byte[] data = {1, 0, 2, 0, 3, 0};
    assertArrayEquals(new float[] {1, 2, 3}, read(wav(1, 16, 1, 16000, data, -1)).channel(0));
  }

  @Test
  void brokenHeaderIsAnError() {
    byte[] ok = wav(1, 16, 1, 16000, new byte[] {1, 0}, 2);
    byte[] bad = ok.clone();
    bad[0] = 'X';
    KaldiFormatException e = fails(bad);
    assertTrue(e.getMessage().contains("test.wav") && e.getMessage().contains("byte offset 0"), e.getMessage());
    assertTrue(fails(Arrays.copyOf(ok, 10)).getMessage().contains("WAVE"));
    assertTrue(fails(Arrays.copyOf(ok, 30)).getMessage().contains("fmt "));
  }

  @Test
  void truncatedDataIsAnError() {
    byte[] full = wav(1, 16, 1, 16000, new byte[200], 200);
    KaldiFormatException e = fails(Arrays.copyOf(full, full.length - 50));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("200 bytes"), e.getMessage());
    assertTrue(fails(wav(1, 16, 1, 16000, new byte[3], 3)).getMessage().contains("whole number"));
  }

  @Test
  void zeroSamplesIsAnError() {
    assertTrue(fails(wav(1, 16, 1, 16000, new byte[0], 0)).getMessage().contains("zero samples"));
  }

  @Test
  void nanOrInfInFloatWavIsAnError() {
    ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.1f).putFloat(Float.NaN);
    KaldiFormatException e = fails(wav(3, 32, 1, 16000, f.array(), 8));
    assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("sample 1"), e.getMessage());
    ByteBuffer g = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.POSITIVE_INFINITY);
    assertTrue(fails(wav(3, 32, 1, 16000, g.array(), 4)).getMessage().contains("Infinity"));
  }

  @Test
  void unsupportedEncodingIsAnError() {
    assertTrue(fails(wav(2, 16, 1, 16000, new byte[4], 4)).getMessage().contains("unsupported WAV encoding"));
    assertTrue(fails(wav(1, 12, 1, 16000, new byte[4], 4)).getMessage().contains("sample size"));
  }
}
