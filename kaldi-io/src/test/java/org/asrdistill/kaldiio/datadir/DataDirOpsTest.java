package org.asrdistill.kaldiio.datadir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirOpsTest {
  @TempDir
  Path root;
  Path d;
  final ValidationOptions noFeats = ValidationOptions.defaults().withNoFeats(true);

  @BeforeEach
  void setUp() throws IOException {
    d = DataDirs.good(root);
  }

  private List<String> utts(Path dir) throws IOException {
    return new ArrayList<>(DataDir.read(dir).utt2spk().keySet());
  }

  @Test
  void fixRepairsABrokenDirectoryWhichThenValidates() throws IOException {
    String text = DataDirs.read(d, "text");
    String[] l = text.split("\n");
    // text: unsorted, a duplicate, spkB-u2 missing; utt2dur: spkC-u1 has a bad duration; spk2utt stale
    DataDirs.write(d, "text", l[1] + "\n" + l[0] + "\n" + l[0] + "\n" + l[2] + "\n" + l[4] + "\n" + l[5] + "\n");
    DataDirs.write(d, "utt2dur", DataDirs.read(d, "utt2dur").replace("spkC-u1 0.5", "spkC-u1 0"));
    DataDirs.write(d, "spk2utt", "spkA spkA-u1\n");
    DataDirs.write(d, "wav.scp", DataDirs.read(d, "wav.scp") + "zzz /nowhere.wav\n");
    assertFalse(DataDirValidator.validate(DataDir.read(d), noFeats).ok());
    List<String> log = new ArrayList<>();
    DataDirFixer.fixInPlace(d, log::add);
    ValidationReport r = DataDirValidator.validate(DataDir.read(d), noFeats);
    assertTrue(r.ok(), r.errorLines().toString());
    assertEquals(List.of("spkA-u1", "spkA-u2", "spkB-u1", "spkC-u2"), utts(d));
    assertTrue(log.contains("kept 4 utterances out of 6"), log.toString());
    assertEquals("spkA spkA-u1 spkA-u2\nspkB spkB-u1\nspkC spkC-u2\n", DataDirs.read(d, "spk2utt"));
    assertEquals(text.split("\n").length, Files.readAllLines(d.resolve(".backup/utt2spk")).size());
    assertTrue(Files.readString(d.resolve(".backup/wav.scp")).contains("zzz /nowhere.wav"));
    assertFalse(DataDirs.read(d, "wav.scp").contains("zzz"));
  }

  @Test
  void fixRefusesUtt2spkNotSortedBySpeaker() throws IOException {
    DataDirs.write(d, "utt2spk", DataDirs.read(d, "utt2spk").replace("spkA-u2 spkA", "spkA-u2 spkZ"));
    assertThrows(KaldiFormatException.class, () -> DataDirFixer.fix(DataDir.read(d)));
  }

  @Test
  void fixWithSegmentsFiltersRecordings() throws IOException {
    Path w = root.resolve("audio").resolve("spkC-u2.wav");
    DataDirs.write(d, "wav.scp", "recA " + w + "\nrecB " + w + "\nrecC " + w + "\n");
    DataDirs.write(d, "segments", "spkA-u1 recA 0 0.1\nspkA-u2 recA 0.1 0.2\nspkB-u1 recB 0 0.1\n"
        + "spkB-u2 recB 0.1 0.2\nspkC-u1 recX 0 0.1\nspkC-u2 recX 0.1 0.2\n");
    DataDirFixer.fixInPlace(d, s -> { });
    assertEquals("recA " + w + "\nrecB " + w + "\n", DataDirs.read(d, "wav.scp"));
    assertEquals(List.of("spkA-u1", "spkA-u2", "spkB-u1", "spkB-u2"), utts(d));
    assertTrue(DataDirValidator.validate(DataDir.read(d), noFeats).ok());
  }

  private Path subset(SubsetOptions o, String name) throws IOException {
    Path dest = root.resolve(name);
    DataDirSubset.subset(d, dest, o);
    ValidationReport r = DataDirValidator.validate(DataDir.read(dest), noFeats);
    assertTrue(r.ok(), name + ": " + r.errorLines());
    return dest;
  }

  @Test
  void subsetModes() throws IOException {
    assertEquals(List.of("spkA-u1", "spkA-u2"), utts(subset(SubsetOptions.of(SubsetOptions.Mode.FIRST, 2), "first")));
    assertEquals(List.of("spkC-u1", "spkC-u2"), utts(subset(SubsetOptions.of(SubsetOptions.Mode.LAST, 2), "last")));
    // subset_scp.pl's select_n on 6 lines for 3 picks lines 2, 3 and 5 (0-based; checked by running it)
    assertEquals(List.of("spkB-u1", "spkB-u2", "spkC-u2"),
        utts(subset(SubsetOptions.of(SubsetOptions.Mode.EVEN, 3), "even")));
    assertEquals(List.of("spkA-u1", "spkB-u1", "spkC-u1"),
        utts(subset(SubsetOptions.of(SubsetOptions.Mode.PER_SPK, 1), "perspk")));
    assertEquals(List.of("spkA-u1", "spkA-u2"),
        utts(subset(SubsetOptions.of(SubsetOptions.Mode.SHORTEST, 2), "shortest")));
    Path list = root.resolve("list");
    Files.writeString(list, "spkB-u2\nspkC-u1 extra fields ignored\nnot-there\n");
    assertEquals(List.of("spkB-u2", "spkC-u1"), utts(subset(SubsetOptions.uttList(list), "uttlist")));
    Files.writeString(list, "spkC\n");
    Path spk = subset(SubsetOptions.spkList(list), "spklist");
    assertEquals(List.of("spkC-u1", "spkC-u2"), utts(spk));
    assertEquals(2, DataDir.read(spk).wavScp().size());
    assertEquals(2, DataDir.read(spk).text().size());
    List<String> sp = utts(subset(new SubsetOptions(SubsetOptions.Mode.SPEAKERS, 3, null, 5), "speakers"));
    assertEquals(4, sp.size(), sp.toString());
    assertThrows(IllegalArgumentException.class, () -> DataDirSubset.select(DataDir.read(d),
        SubsetOptions.of(SubsetOptions.Mode.FIRST, 7)));
  }

  @Test
  void randomSubsetIsDeterministicForASeed() throws IOException {
    List<String> a = utts(subset(SubsetOptions.random(3, 42), "r1"));
    List<String> b = utts(subset(SubsetOptions.random(3, 42), "r2"));
    assertEquals(a, b);
    assertEquals(3, a.size());
    boolean differs = false;
    for (long seed = 0; seed < 20 && !differs; seed++) {
      differs = !utts(subset(SubsetOptions.random(3, seed), "s" + seed)).equals(a);
    }
    assertTrue(differs, "some seed must give another subset");
  }

  @Test
  void combineThenSplitBack() throws IOException {
    Path a = subset(SubsetOptions.of(SubsetOptions.Mode.FIRST, 2), "a");
    Path b = subset(SubsetOptions.of(SubsetOptions.Mode.LAST, 4), "b");
    Files.writeString(b.resolve("utt2uniq"), "spkB-u1 x\nspkB-u2 y\nspkC-u1 z\nspkC-u2 w\n");
    Files.delete(b.resolve("utt2dur"));
    Path c = root.resolve("combined");
    List<String> log = new ArrayList<>();
    DataDirCombiner.combine(c, List.of(b, a), List.of(), false, log::add);
    assertTrue(log.contains("**not combining utt2dur as it does not exist everywhere**"), log.toString());
    assertFalse(Files.exists(c.resolve("utt2dur")));
    for (String f : new String[] {"utt2spk", "spk2utt", "text", "wav.scp"}) {
      assertEquals(DataDirs.read(d, f), DataDirs.read(c, f), f);
    }
    assertEquals("spkA-u1 spkA-u1\nspkA-u2 spkA-u2\nspkB-u1 x\nspkB-u2 y\nspkC-u1 z\nspkC-u2 w\n",
        DataDirs.read(c, "utt2uniq"));
    assertTrue(DataDirValidator.validate(DataDir.read(c), noFeats).ok());
  }

  @Test
  void combineMakesWholeRecordingSegmentsWhereMissing() throws IOException {
    Path a = subset(SubsetOptions.of(SubsetOptions.Mode.FIRST, 2), "a");
    Path b = subset(SubsetOptions.of(SubsetOptions.Mode.LAST, 2), "b");
    Path w = root.resolve("audio").resolve("spkC-u1.wav");
    Files.writeString(b.resolve("wav.scp"), "recC " + w + "\n");
    Files.writeString(b.resolve("segments"), "spkC-u1 recC 0 0.2\nspkC-u2 recC 0.2 0.4\n");
    Files.delete(a.resolve("utt2dur"));
    Path c = root.resolve("combined");
    DataDirCombiner.combine(c, List.of(a, b), List.of(), false, s -> { });
    assertEquals("spkA-u1 spkA-u1 0 0.1\nspkA-u2 spkA-u2 0 0.2\nspkC-u1 recC 0 0.2\nspkC-u2 recC 0.2 0.4\n",
        DataDirs.read(c, "segments"));
    ValidationReport r = DataDirValidator.validate(DataDir.read(c), noFeats);
    assertTrue(r.ok(), r.errorLines().toString());
  }

  @Test
  void speakerMapsRoundTrip() throws IOException {
    StringWriter s2u = new StringWriter();
    SpeakerMaps.utt2spkToSpk2utt(new BufferedReader(new StringReader("u1 b\nu2 a\nu3 b\n")), s2u, "in");
    assertEquals("b u1 u3\na u2\n", s2u.toString());
    StringWriter u2s = new StringWriter();
    SpeakerMaps.spk2uttToUtt2spk(new BufferedReader(new StringReader(s2u.toString())), u2s, "in");
    assertEquals("u1 b\nu3 b\nu2 a\n", u2s.toString());
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> SpeakerMaps.utt2spkToSpk2utt(
        new BufferedReader(new StringReader("u1 a\nu2\n")), new StringWriter(), "in"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertEquals(DataDirs.read(d, "spk2utt"), String.join("\n", linesOf(SpeakerMaps.toSpk2utt(
        DataDir.read(d).fileOrEmpty("utt2spk"), "x"))) + "\n");
    assertNotEquals(0, DataDir.read(d).spk2utt().size());
  }

  private static List<String> linesOf(KeyedFile f) {
    List<String> out = new ArrayList<>();
    f.lines().forEach(l -> out.add(l.text()));
    return out;
  }
}
