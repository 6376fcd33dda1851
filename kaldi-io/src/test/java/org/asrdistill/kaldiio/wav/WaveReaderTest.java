package org.asrdistill.kaldiio.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WaveReaderTest {
  @TempDir
  Path dir;

  private static WaveData read(byte[] b) throws IOException {
    return WaveReader.read(KaldiInput.of("test.wav", b));
  }

  private static byte[] le(int n) {
    return new byte[n];
  }

  @Test
  void pcm16KeepsIntegerValues() throws IOException {
    byte[] d = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 0).putShort((short) 1).putShort((short) -32768).putShort((short) 32767).array();
    WaveData w = read(WavBytes.riff().fmt(1, 1, 16000, 16).data(d).bytes());
    assertEquals(16000, w.sampleRate());
    assertEquals(1, w.numChannels());
    assertEquals(4, w.numSamples());
    assertArrayEquals(new float[] {0, 1, -32768, 32767}, w.channel(0));
    assertEquals(4.0 / 16000, w.duration(), 1e-12);
  }

  @Test
  void pcm8IsCentredAndScaled() throws IOException {
    WaveData w = read(WavBytes.riff().fmt(1, 1, 8000, 8).data(new byte[] {0, (byte) 128, (byte) 255, 1}).bytes());
    assertArrayEquals(new float[] {-32768, 0, 32512, -32512}, w.channel(0));
  }

  @Test
  void pcm24IsScaledToInt16Range() throws IOException {
    byte[] d = {(byte) 0xff, (byte) 0xff, 0x7f, 0x00, 0x00, (byte) 0x80, (byte) 0x80, 0x00, 0x00, 0x01, 0x00, 0x00};
    WaveData w = read(WavBytes.riff().fmt(1, 1, 16000, 24).data(d).bytes());
    assertArrayEquals(new float[] {8388607 / 256f, -32768f, 0.5f, 1 / 256f}, w.channel(0));
  }

  @Test
  void pcm32IsScaledToInt16Range() throws IOException {
    byte[] d = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(Integer.MIN_VALUE).putInt(65536 * 100).putInt(32768).array();
    WaveData w = read(WavBytes.riff().fmt(1, 1, 16000, 32).data(d).bytes());
    assertArrayEquals(new float[] {-32768f, 100f, 0.5f}, w.channel(0));
  }

  @Test
  void floatsAreScaledBy32768() throws IOException {
    byte[] f = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1f).putFloat(0.25f)
        .array();
    assertArrayEquals(new float[] {16384f, -32768f, 8192f}, read(WavBytes.riff().fmt(3, 1, 16000, 32).data(f)
        .bytes()).channel(0));
    byte[] d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.125).putDouble(-0.5).array();
    assertArrayEquals(new float[] {4096f, -16384f}, read(WavBytes.riff().fmt(3, 1, 16000, 64).data(d)
        .bytes()).channel(0));
  }

  @Test
  void channelsAreDeinterleavedIntoRows() throws IOException {
    byte[] d = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 1).putShort((short) 10).putShort((short) 2).putShort((short) 20)
        .putShort((short) 3).putShort((short) 30).array();
    WaveData w = read(WavBytes.riff().fmt(1, 2, 22050, 16).data(d).bytes());
    assertEquals(2, w.numChannels());
    assertArrayEquals(new float[] {1, 2, 3}, w.channel(0));
    assertArrayEquals(new float[] {10, 20, 30}, w.channel(1));
  }

  @Test
  void extensiblePcmAndFloatAreRead() throws IOException {
    byte[] d = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 7).putShort((short) -7).array();
    assertArrayEquals(new float[] {7, -7}, read(WavBytes.riff().fmtExtensible(1, 1, 16000, 16, true).data(d)
        .bytes()).channel(0));
    byte[] f = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).array();
    assertArrayEquals(new float[] {16384f}, read(WavBytes.riff().fmtExtensible(3, 1, 16000, 32, true).data(f)
        .bytes()).channel(0));
  }

  @Test
  void rifxIsBigEndian() throws IOException {
    WavBytes w = new WavBytes(true);
    byte[] d = w.buf(9).putShort((short) 300).putShort((short) -2).put((byte) 0x12).put((byte) 0x34)
        .put((byte) 0x56).array();
    assertArrayEquals(new float[] {300, -2}, read(w.fmt(1, 1, 8000, 16).data(java.util.Arrays.copyOf(d, 4))
        .bytes()).channel(0));
    WavBytes w24 = new WavBytes(true);
    assertArrayEquals(new float[] {0x123456 / 256f}, read(w24.fmt(1, 1, 8000, 24)
        .data(new byte[] {0x12, 0x34, 0x56}).bytes()).channel(0));
  }

  @Test
  void chunksBeforeFmtAndDataAreSkipped() throws IOException {
    byte[] d = {5, 0};
    WaveData w = read(WavBytes.riff().chunk("JUNK", new byte[] {1, 2, 3}).fmt(1, 1, 16000, 16)
        .chunk("LIST", new byte[] {9, 9, 9, 9, 9}).chunk("fact", new byte[4]).data(d).bytes());
    assertArrayEquals(new float[] {5}, w.channel(0));
  }

  @Test
  void streamModeReadsToTheEnd() throws IOException {
    byte[] d = new byte[] {1, 0, 2, 0, 3, 0};
    for (long size : new long[] {0, 0xFFFFFFFFL, 0x7FFFF000L}) {
      WaveData w = read(WavBytes.riff().fmt(1, 1, 16000, 16).chunk("data", size, d).bytes());
      assertArrayEquals(new float[] {1, 2, 3}, w.channel(0), "data size " + size);
    }
    WaveInfo info = WaveReader.readHeader(KaldiInput.of("x", WavBytes.riff().fmt(1, 1, 16000, 16)
        .chunk("data", 0x7FFFF000L, d).bytes()));
    assertTrue(info.isStreamed());
  }

  @Test
  void streamWithShortDataIsAcceptedAsKaldiDoes() throws IOException {
    byte[] full = WavBytes.riff().fmt(1, 1, 16000, 16).chunk("data", 100, new byte[] {4, 0, 5, 0}).bytes();
    assertArrayEquals(new float[] {4, 5}, read(full).channel(0));
  }

  @Test
  void dataBeyondTheAnnouncedSizeIsLeftUnread() throws IOException {
    byte[] b = WavBytes.riff().fmt(1, 1, 16000, 16).chunk("data", 2, new byte[] {4, 0, 5, 0}).bytes();
    KaldiInput in = KaldiInput.of("x", b);
    assertArrayEquals(new float[] {4}, WaveReader.read(in).channel(0));
    assertEquals(5, in.read());
  }

  @ParameterizedTest
  @EnumSource(WaveEncoding.class)
  void everyEncodingRoundTrips(WaveEncoding enc) throws IOException {
    int n = 50;
    float[] x = new float[2 * n];
    for (int i = 0; i < x.length; i++) {
      // multiples of 256 are exact in 8-bit; other encodings get arbitrary int16 values
      int v = (int) Math.round(20000 * Math.sin(0.3 * i));
      x[i] = enc == WaveEncoding.PCM_8 ? (v / 256) * 256 : v;
    }
    WaveData w = new WaveData(16000, new FloatMatrix(2, n, x));
    Path f = dir.resolve("rt-" + enc + ".wav");
    assertEquals(0, WaveWriter.write(f, w, enc));
    WaveData back = WaveReader.read(f);
    assertEquals(w, back);
    try (KaldiInput in = KaldiInput.open(f, 0)) {
      WaveInfo info = WaveReader.readInfo(in);
      assertEquals(enc, info.encoding());
      assertEquals(n, info.sampleCount());
      assertEquals(2, info.numChannels());
      assertFalse(info.isStreamed());
    }
  }

  @Test
  void pcm16WriterTruncatesAndClipsLikeKaldi() throws IOException {
    WaveData w = WaveData.mono(8000, new float[] {1.9f, -1.9f, 40000f, -40000f, 32767.5f});
    Path f = dir.resolve("clip.wav");
    assertEquals(2, WaveWriter.write(f, w));
    byte[] b = Files.readAllBytes(f);
    assertEquals(44 + 10, b.length);
    assertArrayEquals(new float[] {1, -1, 32767, -32768, 32767}, WaveReader.read(f).channel(0));
  }

  @Test
  void truncatedHeaderIsAnError() {
    byte[] ok = WavBytes.riff().fmt(1, 1, 16000, 16).data(new byte[] {1, 0}).bytes();
    for (int cut : new int[] {0, 3, 10, 20, 30, 40}) {
      KaldiFormatException e = assertThrows(KaldiFormatException.class,
          () -> read(java.util.Arrays.copyOf(ok, cut)), "cut at " + cut);
      assertEquals("test.wav", e.source());
      assertTrue(e.offset() >= 0 && e.offset() <= cut, e.getMessage());
    }
  }

  @Test
  void truncatedDataInAFileIsAnError() throws IOException {
    Path f = dir.resolve("trunc.wav");
    Files.write(f, WavBytes.riff().fmt(1, 1, 16000, 16).chunk("data", 100, new byte[] {1, 0, 2, 0}).bytes());
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> WaveReader.read(f));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertEquals(48, e.offset());
    try (KaldiInput in = KaldiInput.open(f, 0)) {
      assertThrows(KaldiFormatException.class, () -> WaveReader.readInfo(in));
    }
  }

  @Test
  void zeroSamplesIsAnError() {
    KaldiFormatException e = assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmt(1, 1, 16000, 16).data(new byte[0]).bytes()));
    assertTrue(e.getMessage().contains("no samples"), e.getMessage());
    assertEquals(44, e.offset());
  }

  @Test
  void partialSampleFramesAreDroppedButLessThanOneFrameIsAnError() throws IOException {
    // Stereo 16-bit: 4-byte frames. 6 bytes = one frame plus 2 stray bytes (ignored with a warning).
    byte[] six = {1, 0, 2, 0, 3, 0};
    WaveData w = read(WavBytes.riff().fmt(1, 2, 8000, 16).data(six).bytes());
    assertEquals(1, w.numSamples());
    assertArrayEquals(new float[] {2}, w.channel(1));
    // A streamed header (size 0xFFFFFFFF) followed by 3 bytes: not even one frame.
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> read(
        WavBytes.riff().fmt(1, 2, 8000, 16).chunk("data", 0xFFFFFFFFL, new byte[] {1, 0, 2}).bytes()));
    assertTrue(e.getMessage().contains("less than one sample frame") && e.getMessage().contains("test.wav"),
        e.getMessage());
    assertEquals(44, e.offset());
    // A non-streamed header announcing 3 bytes announces zero whole frames.
    assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmt(1, 2, 8000, 16).data(new byte[] {1, 0, 2}).bytes()));
  }

  @Test
  void nanOrInfinityInFloatIsAnError() {
    byte[] f = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.1f).putFloat(Float.NaN)
        .putFloat(0f).array();
    KaldiFormatException e = assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmt(3, 1, 16000, 32).data(f).bytes()));
    assertEquals(48, e.offset());
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    byte[] d = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(Double.POSITIVE_INFINITY).array();
    assertThrows(KaldiFormatException.class, () -> read(WavBytes.riff().fmt(3, 1, 16000, 64).data(d).bytes()));
  }

  @Test
  void unsupportedEncodingsAreErrors() {
    KaldiFormatException alaw = assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmt(6, 1, 8000, 8).data(new byte[4]).bytes()));
    assertTrue(alaw.getMessage().contains("format code 6 (A-law)"), alaw.getMessage());
    assertEquals(20, alaw.offset());
    assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmt(1, 1, 8000, 12).data(new byte[4]).bytes()));
    assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmt(3, 1, 8000, 16).data(new byte[4]).bytes()));
    assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmtExtensible(1, 1, 8000, 16, false).data(new byte[4]).bytes()));
    assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().fmt(1, 0, 8000, 16).data(new byte[4]).bytes()));
  }

  @Test
  void notAWavIsAnError() {
    KaldiFormatException e = assertThrows(KaldiFormatException.class,
        () -> read("fLaC and more bytes here".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertTrue(e.getMessage().contains("expected 'RIFF' or 'RIFX', got 'fLaC'"), e.getMessage());
  }

  @Test
  void inconsistentBlockAlignIsAnError() {
    byte[] fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 2)
        .putInt(8000).putInt(32000).putShort((short) 2).putShort((short) 16).array();
    KaldiFormatException e = assertThrows(KaldiFormatException.class,
        () -> read(WavBytes.riff().chunk("fmt ", fmt).data(new byte[8]).bytes()));
    assertTrue(e.getMessage().contains("block align"), e.getMessage());
  }
}
