package org.asrdistill.kaldiio.datadir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirValidatorTest {
  @TempDir
  Path root;
  Path d;
  final ValidationOptions noFeats = ValidationOptions.defaults().withNoFeats(true);

  @BeforeEach
  void setUp() throws IOException {
    d = DataDirs.good(root);
  }

  private ValidationReport check() throws IOException {
    return DataDirValidator.validate(DataDir.read(d), noFeats);
  }

  /** Asserts that exactly one error exists on file:line and that its message contains {@code what}. */
  private void assertOnly(ValidationReport r, String file, int line, String what) {
    assertEquals(1, r.errors().size(), r.errorLines().toString());
    Problem p = r.errors().get(0);
    assertEquals(d.resolve(file).toString(), p.file(), p.toString());
    assertEquals(line, p.line(), p.toString());
    assertTrue(p.message().contains(what), p.toString());
  }

  @Test
  void goodDirectoryPasses() throws IOException {
    ValidationReport r = check();
    assertTrue(r.ok(), r.errorLines().toString());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    DataDir dd = DataDir.load(d, noFeats);
    assertEquals("spkB", dd.utt2spk().get("spkB-u2"));
    assertEquals(List.of("spkC-u1", "spkC-u2"), dd.spk2utt().get("spkC"));
    assertEquals("hello world 0", dd.text().get("spkA-u1"));
    assertEquals(0.2, dd.utt2dur().get("spkA-u2"), 1e-12);
    assertEquals(6, dd.wavScp().size());
  }

  @Test
  void featsRequiredByDefaultAsKaldi() throws IOException {
    ValidationReport r = DataDirValidator.validate(DataDir.read(d), ValidationOptions.defaults());
    assertOnly(r, "feats.scp", 0, "--no-feats");
    assertThrows(KaldiFormatException.class, () -> DataDir.load(d, ValidationOptions.defaults()));
  }

  @Test
  void unsortedAndDuplicateKeys() throws IOException {
    String text = DataDirs.read(d, "text");
    String[] l = text.split("\n");
    DataDirs.write(d, "text", l[1] + "\n" + l[0] + "\n" + String.join("\n", List.of(l).subList(2, 6)) + "\n");
    assertOnly(check(), "text", 2, "not sorted");
    DataDirs.write(d, "text", text + l[5] + "\n");
    assertOnly(check(), "text", 7, "duplicate key 'spkC-u2' (first on line 6)");
  }

  @Test
  void utt2spkNotSortedBySpeaker() throws IOException {
    DataDirs.write(d, "utt2spk", DataDirs.read(d, "utt2spk").replace("spkA-u2 spkA", "spkA-u2 spkZ"));
    ValidationReport r = check();
    assertTrue(r.errorLines().stream().anyMatch(s -> s.startsWith(d.resolve("utt2spk") + ":3: not sorted by "
        + "speaker-id")), r.errorLines().toString());
    assertTrue(r.errorLines().stream().anyMatch(s -> s.startsWith(d.resolve("spk2utt") + ":1: utterance "
        + "'spkA-u2' is listed for speaker 'spkA' but utt2spk line 2 gives speaker 'spkZ'")), r.errorLines().toString());
  }

  @Test
  void spk2uttInconsistent() throws IOException {
    DataDirs.write(d, "spk2utt", "spkA spkA-u1 spkA-u2\nspkB spkB-u1\nspkC spkC-u1 spkC-u2 spkC-u3\n");
    ValidationReport r = check();
    assertEquals(2, r.errors().size(), r.errorLines().toString());
    assertTrue(r.errorLines().contains(d.resolve("spk2utt") + ":3: utterance 'spkC-u3' of speaker 'spkC' is "
        + "not in utt2spk"), r.errorLines().toString());
    assertTrue(r.errorLines().contains(d.resolve("utt2spk") + ":4: utterance 'spkB-u2' is missing from spk2utt"),
        r.errorLines().toString());
  }

  @Test
  void utt2spkWithWrongFieldCount() throws IOException {
    DataDirs.write(d, "utt2spk", DataDirs.read(d, "utt2spk").replace("spkB-u1 spkB", "spkB-u1 spkB extra"));
    ValidationReport r = check();
    assertTrue(r.errorLines().contains(d.resolve("utt2spk") + ":3: expected 2 fields 'utt-id speaker-id', got 3"),
        r.errorLines().toString());
  }

  @Test
  void missingTextLineIsReportedAtUtt2spkLine() throws IOException {
    DataDirs.write(d, "text", DataDirs.read(d, "text").replaceAll("spkB-u2 [^\n]*\n", ""));
    assertOnly(check(), "utt2spk", 4, "utterance 'spkB-u2' has no line in " + d.resolve("text"));
  }

  @Test
  void extraWavEntryIsReportedAtItsLine() throws IOException {
    DataDirs.write(d, "wav.scp", DataDirs.read(d, "wav.scp") + "spkD-u1 /nonexistent.wav\n");
    ValidationReport r = check();
    assertEquals(2, r.errors().size(), r.errorLines().toString());
    assertTrue(r.errorLines().contains(d.resolve("wav.scp") + ":7: utterance 'spkD-u1' is not in utt2spk"));
    assertTrue(r.errorLines().contains(d.resolve("wav.scp") + ":7: audio file '/nonexistent.wav' does not exist"));
  }

  @Test
  void textChecks() throws IOException {
    String t = DataDirs.read(d, "text");
    DataDirs.write(d, "text", t.replace("hello world 1", "hello <s> world").replace("hello world 3", "a\u00a0b")
        .replace("hello world 4", "bell\u0007").replace("spkC-u2 hello world 5", "spkC-u2"));
    ValidationReport r = check();
    assertTrue(r.errorLines().contains(d.resolve("text") + ":2: contains illegal symbol <s>"), r.errorLines().toString());
    assertTrue(r.errorLines().contains(d.resolve("text") + ":4: contains disallowed Unicode whitespace U+00A0"));
    assertTrue(r.errorLines().contains(d.resolve("text") + ":5: contains non-printable character U+0007 (use "
        + "--non-print to allow)"));
    assertEquals(3, r.errors().size(), r.errorLines().toString());
    assertEquals(1, r.warnings().size(), "empty transcript is a warning only");
    ValidationReport lenient = DataDirValidator.validate(DataDir.read(d),
        new ValidationOptions(true, false, false, false, true, ValidationOptions.AudioCheck.FILES));
    assertEquals(2, lenient.errors().size(), lenient.errorLines().toString());
  }

  @Test
  void missingNewlineAndBlankLine() throws IOException {
    String t = DataDirs.read(d, "utt2dur");
    DataDirs.write(d, "utt2dur", t.substring(0, t.length() - 1).replace("spkB-u1", "\nspkB-u1"));
    ValidationReport r = check();
    assertTrue(r.errorLines().contains(d.resolve("utt2dur") + ":3: blank line"), r.errorLines().toString());
    assertTrue(r.errorLines().contains(d.resolve("utt2dur") + ":7: last line has no newline at the end of the file"));
    assertEquals(2, r.errors().size(), r.errorLines().toString());
  }

  @Test
  void badDurations() throws IOException {
    DataDirs.write(d, "utt2dur", DataDirs.read(d, "utt2dur").replace("spkA-u2 0.2", "spkA-u2 0")
        .replace("spkB-u1 0.30000000000000004", "spkB-u1 x"));
    ValidationReport r = check();
    assertEquals(2, r.errors().size(), r.errorLines().toString());
    assertTrue(r.errors().get(0).toString().startsWith(d.resolve("utt2dur") + ":2: expected 'key value' with a "
        + "duration > 0"), r.errorLines().toString());
    assertEquals(3, r.errors().get(1).line());
  }

  @Test
  void segmentsChecks() throws IOException {
    Path w = root.resolve("audio").resolve("spkA-u1.wav"); // 0.1 s
    DataDirs.write(d, "wav.scp", "recA " + w + "\nrecB " + w + "\n");
    DataDirs.write(d, "segments", "spkA-u1 recA 0 0.05\nspkA-u2 recA 0.05 0.1\nspkB-u1 recA 0.3 0.2\n"
        + "spkB-u2 recA 0.2 0.3\nspkC-u1 recA 0.0 1.5\nspkC-u2 recX 0 1\n");
    ValidationReport r = check();
    List<String> e = r.errorLines();
    String seg = d.resolve("segments").toString();
    assertTrue(e.contains(seg + ":3: bad segment: need 0 <= start < end; got start 0.3, end 0.2"), e.toString());
    assertTrue(e.contains(seg + ":6: recording 'recX' is not in " + d.resolve("wav.scp")) || e.stream()
        .anyMatch(s -> s.startsWith(seg + ":6: recording 'recX' has no line in")), e.toString());
    assertTrue(e.contains(d.resolve("wav.scp") + ":2: recording 'recB' is not in segments"), e.toString());
    assertTrue(e.stream().anyMatch(s -> s.startsWith(seg + ":4: segment starts at 0.2 s, after the end")), e.toString());
    assertTrue(e.stream().anyMatch(s -> s.startsWith(seg + ":5: segment ends at 1.5 s")), e.toString());
    assertEquals(5, e.size(), e.toString());
  }

  @Test
  void unreadableAudioIsReported() throws IOException {
    Path w = root.resolve("audio").resolve("spkB-u1.wav");
    byte[] b = Files.readAllBytes(w);
    Files.write(w, java.util.Arrays.copyOf(b, 100));
    ValidationReport r = check();
    assertOnly(r, "wav.scp", 3, "unreadable audio");
    assertTrue(r.errors().get(0).message().contains("truncated"), r.errorLines().toString());
    ValidationReport noAudio = DataDirValidator.validate(DataDir.read(d),
        noFeats.withAudio(ValidationOptions.AudioCheck.NONE));
    assertTrue(noAudio.ok());
  }

  @Test
  void pipesRunOnlyWhenAsked() throws IOException {
    DataDirs.write(d, "wav.scp", DataDirs.read(d, "wav.scp").replace("spkC-u2 ", "spkC-u2 false ; cat ")
        .replaceAll("(spkC-u2 .*)\n", "$1 |\n"));
    assertTrue(check().ok(), check().errorLines().toString());
    ValidationReport all = DataDirValidator.validate(DataDir.read(d), noFeats.withAudio(ValidationOptions.AudioCheck.ALL));
    assertTrue(all.ok(), "the pipe's output is a good WAV: " + all.errorLines());
    DataDirs.write(d, "wav.scp", DataDirs.read(d, "wav.scp").replace("false ; cat ", "head -c 30 "));
    ValidationReport bad = DataDirValidator.validate(DataDir.read(d), noFeats.withAudio(ValidationOptions.AudioCheck.ALL));
    assertOnly(bad, "wav.scp", 6, "unreadable audio");
  }

  @Test
  void tildeAndSpeakerFiles() throws IOException {
    DataDirs.write(d, "wav.scp", DataDirs.read(d, "wav.scp").replaceAll("spkA-u1 [^\n]*", "spkA-u1 ~/a.wav"));
    DataDirs.write(d, "spk2gender", "spkA m\nspkB x\n");
    ValidationReport r = DataDirValidator.validate(DataDir.read(d), noFeats.withAudio(ValidationOptions.AudioCheck.NONE));
    List<String> e = r.errorLines();
    assertTrue(e.contains(d.resolve("wav.scp") + ":1: do not use tilde (~) in wav.scp: it is not expanded for "
        + "plain files"), e.toString());
    assertTrue(e.contains(d.resolve("spk2utt") + ":3: speaker 'spkC' has no line in " + d.resolve("spk2gender")), e.toString());
    assertTrue(e.stream().anyMatch(s -> s.startsWith(d.resolve("spk2gender") + ":2: expected 'key value' with m or f")));
    assertEquals(3, e.size(), e.toString());
  }
}
