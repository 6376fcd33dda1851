package org.asrdistill.kaldiio.datadir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveWriter;

/** Builds small data directories for tests: 3 speakers x 2 utterances with real WAV files. */
final class DataDirs {
  private DataDirs() {
  }

  static final String[] UTTS = {"spkA-u1", "spkA-u2", "spkB-u1", "spkB-u2", "spkC-u1", "spkC-u2"};

  /** A valid directory (no feats.scp): utt2spk, spk2utt, text, wav.scp, utt2dur. */
  static Path good(Path root) throws IOException {
    Path d = root.resolve("data");
    Path audio = root.resolve("audio");
    Files.createDirectories(d);
    Files.createDirectories(audio);
    StringBuilder utt2spk = new StringBuilder();
    StringBuilder text = new StringBuilder();
    StringBuilder wav = new StringBuilder();
    StringBuilder dur = new StringBuilder();
    for (int i = 0; i < UTTS.length; i++) {
      String u = UTTS[i];
      float[] x = new float[800 * (i + 1)];
      for (int t = 0; t < x.length; t++) {
        x[t] = (float) Math.floor(1000 * Math.sin(0.05 * t * (i + 1)));
      }
      Path w = audio.resolve(u + ".wav");
      WaveWriter.write(w, WaveData.mono(8000, x));
      utt2spk.append(u).append(' ').append(u, 0, 4).append('\n');
      text.append(u).append(" hello world ").append(i).append('\n');
      wav.append(u).append(' ').append(w).append('\n');
      dur.append(u).append(' ').append(0.1 * (i + 1)).append('\n');
    }
    write(d, "utt2spk", utt2spk.toString());
    write(d, "spk2utt", "spkA spkA-u1 spkA-u2\nspkB spkB-u1 spkB-u2\nspkC spkC-u1 spkC-u2\n");
    write(d, "text", text.toString());
    write(d, "wav.scp", wav.toString());
    write(d, "utt2dur", dur.toString());
    return d;
  }

  static void write(Path dir, String name, String content) throws IOException {
    Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  static String read(Path dir, String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }
}
