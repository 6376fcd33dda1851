package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirToolsTest {
  @TempDir
  Path root;

  private Path makeDir() throws IOException {
    Path d = root.resolve("d");
    Files.createDirectories(d);
    StringBuilder wav = new StringBuilder();
    StringBuilder u2s = new StringBuilder();
    StringBuilder text = new StringBuilder();
    for (String s : new String[] {"a", "b"}) {
      for (int u = 1; u <= 2; u++) {
        String utt = s + "-" + u;
        Path w = root.resolve(utt + ".wav");
        WaveWriter.write(w, WaveData.mono(8000, new float[800 * u]));
        wav.append(utt).append(' ').append(w).append('\n');
        u2s.append(utt).append(' ').append(s).append('\n');
        text.append(utt).append(" words ").append(u).append('\n');
      }
    }
    Files.writeString(d.resolve("wav.scp"), wav);
    Files.writeString(d.resolve("utt2spk"), u2s);
    Files.writeString(d.resolve("text"), text);
    return d;
  }

  private static String stdout(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, AsrDistill.execute(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void toolsWorkTogether() throws IOException {
    Path d = makeDir();
    String spk2utt = stdout("utt2spk-to-spk2utt", d.resolve("utt2spk").toString());
    assertEquals("a a-1 a-2\nb b-1 b-2\n", spk2utt);
    Files.writeString(d.resolve("spk2utt"), spk2utt);
    assertEquals(Files.readString(d.resolve("utt2spk")), stdout("spk2utt-to-utt2spk", d.resolve("spk2utt").toString()));
    assertEquals(1, AsrDistill.execute("validate-data-dir", d.toString()), "feats.scp required by default");
    assertEquals(0, AsrDistill.execute("validate-data-dir", "--no-feats", d.toString()));

    assertEquals("a-1 0.1\na-2 0.2\nb-1 0.1\nb-2 0.2\n",
        stdout("wav-to-duration", "scp:" + d.resolve("wav.scp"), "ark,t:-").replace(" \n", "\n"));
    assertEquals(0, AsrDistill.execute("wav-to-duration", "--read-entire-file", "scp:" + d.resolve("wav.scp"),
        "ark,t:" + d.resolve("utt2dur")));

    Files.writeString(d.resolve("text"), Files.readString(d.resolve("text")).replace("b-1 words 1\n", ""));
    assertEquals(1, AsrDistill.execute("validate-data-dir", "--no-feats", d.toString()));
    assertEquals(0, AsrDistill.execute("fix-data-dir", d.toString()));
    assertEquals(0, AsrDistill.execute("validate-data-dir", "--no-feats", d.toString()));
    assertEquals(List.of("a-1 a", "a-2 a", "b-2 b"), Files.readAllLines(d.resolve("utt2spk")));
    assertTrue(Files.exists(d.resolve(".backup/text")));

    Path s1 = root.resolve("s1");
    Path s2 = root.resolve("s2");
    assertEquals(0, AsrDistill.execute("subset-data-dir", "--first", d.toString(), "2", s1.toString()));
    Path list = root.resolve("spk.list");
    Files.writeString(list, "b\n");
    assertEquals(0, AsrDistill.execute("subset-data-dir", "--spk-list", list.toString(), d.toString(), s2.toString()));
    assertEquals(List.of("b-2 b"), Files.readAllLines(s2.resolve("utt2spk")));
    assertEquals(1, AsrDistill.execute("subset-data-dir", "--utt-list", list.toString(), d.toString(), "3",
        s2.toString()), "a count with a list option is a usage error");
    Path c = root.resolve("c");
    assertEquals(0, AsrDistill.execute("combine-data", c.toString(), s1.toString(), s2.toString()));
    assertEquals(Files.readString(d.resolve("text")), Files.readString(c.resolve("text")));
    assertEquals(0, AsrDistill.execute("validate-data-dir", "--no-feats", c.toString()));
    Path r1 = root.resolve("r1");
    Path r2 = root.resolve("r2");
    assertEquals(0, AsrDistill.execute("subset-data-dir", "--random", "--seed", "9", d.toString(), "2", r1.toString()));
    assertEquals(0, AsrDistill.execute("subset-data-dir", "--random", "--seed", "9", d.toString(), "2", r2.toString()));
    assertEquals(Files.readString(r1.resolve("utt2spk")), Files.readString(r2.resolve("utt2spk")));
  }
}
