package org.asrdistill.kaldiio.datadir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.table.Keys;

/**
 * A Kaldi data directory in memory: its key-indexed files by name ({@code utt2spk}, {@code spk2utt},
 * {@code text}, {@code wav.scp}, {@code segments}, {@code utt2dur}, ...). {@link #read} takes the files
 * as they are (use {@link DataDirValidator} to check them); {@link #load} also validates and fails with
 * every problem found; the typed accessors return sorted maps. {@link #write} replaces each file
 * atomically (temporary name, then rename).
 */
public final class DataDir {
  /** Files indexed by utterance-id. */
  public static final List<String> UTT_FILES = List.of("utt2spk", "text", "feats.scp", "vad.scp",
      "utt2lang", "utt2uniq", "utt2dur", "utt2num_frames", "utt2warp", "segments");
  /** Files indexed by speaker-id. */
  public static final List<String> SPK_FILES = List.of("spk2utt", "cmvn.scp", "spk2gender", "spk2warp");
  /** Files indexed by recording-id (wav.scp too when there is a segments file). */
  public static final List<String> RECO_FILES = List.of("wav.scp", "reco2file_and_channel", "reco2dur");

  /** A line of {@code segments}: the recording and the start and end times in seconds. */
  public record Segment(String recording, double start, double end) {
  }

  private final Path dir;
  private final SortedMap<String, KeyedFile> files;

  private DataDir(Path dir, Map<String, KeyedFile> files) {
    this.dir = dir;
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** Every known file name, in the order Kaldi's scripts handle them. */
  public static List<String> knownFiles() {
    List<String> all = new ArrayList<>(UTT_FILES);
    all.addAll(SPK_FILES);
    all.addAll(RECO_FILES);
    return all;
  }

  /** Reads the known files present in {@code dir} (plus {@code extraFiles}), without validating. */
  public static DataDir read(Path dir, String... extraFiles) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such data directory");
    }
    Map<String, KeyedFile> fs = new LinkedHashMap<>();
    List<String> names = knownFiles();
    names.addAll(List.of(extraFiles));
    for (String n : names) {
      Path p = dir.resolve(n);
      if (Files.isRegularFile(p)) {
        fs.put(n, KeyedFile.read(p, p.toString()));
      }
    }
    return new DataDir(dir, fs);
  }

  /** Reads and validates; throws a {@link KaldiFormatException} listing every problem. */
  public static DataDir load(Path dir, ValidationOptions options) throws IOException {
    DataDir d = read(dir);
    ValidationReport r = DataDirValidator.validate(d, options);
    if (!r.ok()) {
      throw new KaldiFormatException(dir.toString(), null, -1, "invalid data directory ("
          + r.errors().size() + " problem(s)):\n  " + String.join("\n  ", r.errorLines()));
    }
    return d;
  }

  /** An in-memory data directory (not yet written anywhere). */
  public static DataDir of(Map<String, KeyedFile> files) {
    return new DataDir(null, files);
  }

  /** The directory read from, or null for one built in memory. */
  public Path dir() {
    return dir;
  }

  public boolean has(String name) {
    return files.containsKey(name);
  }

  /** The file {@code name}, if present. */
  public Optional<KeyedFile> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** The file {@code name}; an empty file if it is absent. */
  public KeyedFile fileOrEmpty(String name) {
    KeyedFile f = files.get(name);
    return f != null ? f : KeyedFile.of(name, List.of());
  }

  /** All present files by name. */
  public SortedMap<String, KeyedFile> files() {
    return files;
  }

  /** A copy with {@code name} replaced (or removed when {@code f} is null). */
  public DataDir with(String name, KeyedFile f) {
    Map<String, KeyedFile> m = new TreeMap<>(files);
    if (f == null) {
      m.remove(name);
    } else {
      m.put(name, f);
    }
    return new DataDir(dir, m);
  }

  /** Whether {@code wav.scp} is indexed by recording-id (a segments file exists) or by utterance-id. */
  public boolean hasSegments() {
    return files.containsKey("segments");
  }

  /** utt2spk as a sorted map (first line wins for a repeated key). */
  public SortedMap<String, String> utt2spk() throws KaldiFormatException {
    return singleValue("utt2spk");
  }

  /** spk2utt as a sorted map of speaker to utterances in line order. */
  public SortedMap<String, List<String>> spk2utt() {
    SortedMap<String, List<String>> m = new TreeMap<>(Keys.ORDER);
    for (KeyedFile.Line l : fileOrEmpty("spk2utt").lines()) {
      m.putIfAbsent(l.key(), l.values());
    }
    return m;
  }

  /** text: utterance to transcript (possibly empty). */
  public SortedMap<String, String> text() {
    return rest("text");
  }

  /** wav.scp: recording (or utterance) to rxfilename (a file or a {@code cmd |} pipe). */
  public SortedMap<String, String> wavScp() {
    return rest("wav.scp");
  }

  /** feats.scp: utterance to feature rxfilename. */
  public SortedMap<String, String> featsScp() {
    return rest("feats.scp");
  }

  /** segments: utterance to (recording, start, end). */
  public SortedMap<String, Segment> segments() throws KaldiFormatException {
    SortedMap<String, Segment> m = new TreeMap<>(Keys.ORDER);
    KeyedFile f = fileOrEmpty("segments");
    for (KeyedFile.Line l : f.lines()) {
      List<String> v = l.values();
      if (v.size() != 3) {
        throw bad(f, l, "expected 'utt-id recording-id start end', got " + (v.size() + 1) + " fields");
      }
      m.putIfAbsent(l.key(), new Segment(v.get(0), number(f, l, v.get(1)), number(f, l, v.get(2))));
    }
    return m;
  }

  /** utt2dur: utterance to duration in seconds. */
  public SortedMap<String, Double> utt2dur() throws KaldiFormatException {
    SortedMap<String, Double> m = new TreeMap<>(Keys.ORDER);
    KeyedFile f = fileOrEmpty("utt2dur");
    for (KeyedFile.Line l : f.lines()) {
      List<String> v = l.values();
      if (v.size() != 1) {
        throw bad(f, l, "expected 'utt-id duration', got " + (v.size() + 1) + " fields");
      }
      m.putIfAbsent(l.key(), number(f, l, v.get(0)));
    }
    return m;
  }

  /** Writes every file into {@code target} (created if needed), each atomically. */
  public void write(Path target) throws IOException {
    Files.createDirectories(target);
    for (Map.Entry<String, KeyedFile> e : files.entrySet()) {
      e.getValue().write(target.resolve(e.getKey()));
    }
  }

  private SortedMap<String, String> singleValue(String name) throws KaldiFormatException {
    SortedMap<String, String> m = new TreeMap<>(Keys.ORDER);
    KeyedFile f = fileOrEmpty(name);
    for (KeyedFile.Line l : f.lines()) {
      List<String> v = l.values();
      if (v.size() != 1) {
        throw bad(f, l, "expected 2 fields, got " + (v.size() + 1));
      }
      m.putIfAbsent(l.key(), v.get(0));
    }
    return m;
  }

  private SortedMap<String, String> rest(String name) {
    SortedMap<String, String> m = new TreeMap<>(Keys.ORDER);
    for (KeyedFile.Line l : fileOrEmpty(name).lines()) {
      m.putIfAbsent(l.key(), l.rest());
    }
    return m;
  }

  static double number(KeyedFile f, KeyedFile.Line l, String s) throws KaldiFormatException {
    try {
      return TextNumbers.parseDouble(s);
    } catch (IllegalArgumentException e) {
      throw bad(f, l, "expected a number, got '" + s + "'");
    }
  }

  private static KaldiFormatException bad(KeyedFile f, KeyedFile.Line l, String problem) {
    return new KaldiFormatException(f.name(), l.key(), -1, "line " + l.number() + ": " + problem);
  }
}
