package org.asrdistill.frontend.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.wav.WaveData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioInputTest {
  private static WaveData load(String name) throws Exception {
    try (InputStream s = AudioInputTest.class.getResourceAsStream(name)) {
      return AudioInput.read(KaldiInput.of(name, s.readAllBytes()));
    }
  }

  /** Dominant frequency by counting upward zero crossings. */
  private static double frequency(float[] x, int rate) {
    int crossings = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i - 1] < 0 && x[i] >= 0) {
        crossings++;
      }
    }
    return crossings * (double) rate / x.length;
  }

  private static double rms(float[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (double) x[i] * x[i];
    }
    return Math.sqrt(s / (to - from));
  }

  @Test
  void flacDecodesToExactlyTheWavSamples() throws Exception {
    WaveData wav = load("tone.wav");
    WaveData flac = load("tone.flac");
    assertEquals(2, flac.numChannels());
    assertEquals(16000, flac.sampleRate());
    assertArrayEquals(wav.channel(0), flac.channel(0));
    assertArrayEquals(wav.channel(1), flac.channel(1));
  }

  @Test
  void vorbisDecodesCloseToTheWav() throws Exception {
    WaveData wav = load("tone.wav");
    WaveData ogg = load("tone.ogg");
    assertEquals(2, ogg.numChannels());
    assertEquals(16000, ogg.sampleRate());
    for (int c = 0; c < 2; c++) {
      float[] a = wav.channel(c);
      float[] b = ogg.channel(c);
      int n = Math.min(a.length, b.length);
      assertTrue(Math.abs(a.length - b.length) < 1024, "lengths " + a.length + " vs " + b.length);
      double err = 0;
      double sig = 0;
      for (int i = 1000; i < n - 1000; i++) {
        err += (a[i] - b[i]) * (double) (a[i] - b[i]);
        sig += (double) a[i] * a[i];
      }
      assertTrue(10 * Math.log10(sig / err) > 20, "Vorbis SNR above 20 dB on channel " + c);
    }
  }

  @Test
  void twentyFourBitFlacIsOnTheInt16ScaleAndResamples() throws Exception {
    WaveData w = load("tone44k24.flac");
    assertEquals(44100, w.sampleRate());
    float[] x = w.channel(0);
    assertEquals(0.5 * 32768 / Math.sqrt(2), rms(x, 0, x.length), 200);
    float[] y = new AudioOptions(16000, -1, true, false).prepare(w, m -> { });
    assertEquals((int) Math.floor(x.length * 16000.0 / 44100), y.length);
    assertEquals(1000, frequency(y, 16000), 15);
    assertEquals(rms(x, 2000, x.length - 2000), rms(y, 800, y.length - 800), 100);
  }

  @Test
  void rateAndChannelMismatchesAreClearErrors() throws Exception {
    WaveData w = load("tone44k24.flac");
    AudioOptions.Mismatch e = assertThrows(AudioOptions.Mismatch.class,
        () -> AudioOptions.defaults().prepare(w, m -> { }));
    assertTrue(e.getMessage().contains("44100") && e.getMessage().contains("--allow-downsample"), e.getMessage());
    assertThrows(AudioOptions.Mismatch.class,
        () -> new AudioOptions(48000, -1, true, false).prepare(w, m -> { }));
    WaveData stereo = load("tone.wav");
    List<String> warnings = new ArrayList<>();
    assertArrayEquals(stereo.channel(0), AudioOptions.defaults().prepare(stereo, warnings::add));
    assertEquals(1, warnings.size());
    assertArrayEquals(stereo.channel(1), new AudioOptions(16000, 1, false, false).prepare(stereo, warnings::add));
    assertThrows(AudioOptions.Mismatch.class, () -> new AudioOptions(16000, 2, false, false).prepare(stereo, m -> { }));
  }

  @Test
  void unknownAndTruncatedInputsNameTheSource() throws Exception {
    KaldiFormatException e = assertThrows(KaldiFormatException.class,
        () -> AudioInput.read(KaldiInput.of("junk.bin", "MP3?not audio".getBytes())));
    assertTrue(e.getMessage().contains("junk.bin") && e.getMessage().contains("unknown audio format"));
    byte[] flac;
    try (InputStream s = getClass().getResourceAsStream("tone.flac")) {
      flac = s.readAllBytes();
    }
    byte[] header = java.util.Arrays.copyOf(flac, 20);
    assertThrows(KaldiFormatException.class, () -> AudioInput.read(KaldiInput.of("cut.flac", header)));
    byte[] ogg = "OggS".getBytes();
    assertThrows(KaldiFormatException.class, () -> AudioInput.read(KaldiInput.of("cut.ogg", ogg)));
  }

  @Test
  void tablesOfMixedFormatsAndPipesReadThroughTheHolder(@TempDir Path dir) throws Exception {
    for (String f : List.of("tone.wav", "tone.flac", "tone.ogg")) {
      try (InputStream s = getClass().getResourceAsStream(f)) {
        Files.write(dir.resolve(f), s.readAllBytes());
      }
    }
    Path scp = dir.resolve("wav.scp");
    Files.writeString(scp, "a " + dir.resolve("tone.wav") + "\nb cat " + dir.resolve("tone.flac") + " |\nc "
        + dir.resolve("tone.ogg") + "\n");
    int n = 0;
    try (SequentialTableReader<WaveData> r = SequentialTableReader.open("scp:" + scp, AudioInput.HOLDER)) {
      while (r.next()) {
        assertEquals(16000, r.value().sampleRate(), r.key());
        n++;
      }
    }
    assertEquals(3, n);
  }

  @Test
  void segmentsFollowKaldisRules() throws Exception {
    WaveData w = load("tone.wav"); // 0.5 s
    Segments s = Segments.defaults();
    assertEquals(1600, s.cut(w, 0.1, 0.2, 1).numSamples());
    assertEquals(1, s.cut(w, 0.1, 0.2, 1).numChannels());
    assertEquals(2, s.cut(w, 0.1, 0.2, -1).numChannels());
    assertEquals(8000 - 3200, s.cut(w, 0.2, 0.9, 0).numSamples()); // clamped within the overshoot
    assertEquals(8000 - 1600, s.cut(w, 0.1, -1, 0).numSamples());
    assertThrows(IllegalArgumentException.class, () -> s.cut(w, 0.1, 1.2, 0));
    assertThrows(IllegalArgumentException.class, () -> s.cut(w, 0.1, 0.15, 0));
    assertThrows(IllegalArgumentException.class, () -> s.cut(w, 0.3, 0.2, 0));
  }
}
