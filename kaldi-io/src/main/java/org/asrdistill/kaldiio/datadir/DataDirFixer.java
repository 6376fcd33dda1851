package org.asrdistill.kaldiio.datadir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.table.Keys;

/**
 * Kaldi's utils/fix_data_dir.sh: sorts every file by key (keeping the first line of a repeated key),
 * then keeps only the utterances present in all of utt2spk, feats.scp, text, segments, utt2lang,
 * wav.scp (without segments) and utt2dur / utt2num_frames (with a positive value), only the speakers
 * with utterances (and with cmvn.scp / spk2gender lines when those exist) and only the recordings
 * referenced by segments and present in wav.scp; spk2utt is regenerated from utt2spk. Like Kaldi, it
 * does not repair a utt2spk that is not also sorted by speaker-id (that needs new utterance-ids).
 */
public final class DataDirFixer {
  private final List<String> log = new ArrayList<>();
  private DataDir d;

  private DataDirFixer(DataDir d) {
    this.d = d;
  }

  /** The result of a fix: the repaired directory and Kaldi-style messages about what changed. */
  public record Result(DataDir fixed, List<String> messages) {
  }

  /** Fixes {@code dir} in memory. */
  public static Result fix(DataDir dir) throws KaldiFormatException {
    if (!dir.has("utt2spk")) {
      throw new KaldiFormatException(where(dir, "utt2spk"), null, -1, "no such file");
    }
    DataDirFixer f = new DataDirFixer(dir);
    f.run();
    return new Result(f.d, List.copyOf(f.log));
  }

  /**
   * Fixes the directory on disk: copies every data file to {@code .backup/} first (as Kaldi does), then
   * rewrites the files that changed, each atomically. Returns the messages (also passed to {@code log}).
   */
  public static List<String> fixInPlace(Path dir, Consumer<String> log) throws IOException {
    DataDir before = DataDir.read(dir);
    Result r = fix(before);
    Path backup = dir.resolve(".backup");
    Files.createDirectories(backup);
    for (String name : before.files().keySet()) {
      Files.copy(dir.resolve(name), backup.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    for (Map.Entry<String, KeyedFile> e : r.fixed().files().entrySet()) {
      KeyedFile old = before.file(e.getKey()).orElse(null);
      if (old == null || !old.sameLines(e.getValue()) || !old.readProblems().isEmpty()) {
        e.getValue().write(dir.resolve(e.getKey()));
      }
    }
    List<String> msgs = new ArrayList<>(r.messages());
    msgs.add("old files are kept in " + backup);
    msgs.forEach(log);
    return msgs;
  }

  private static String where(DataDir dir, String name) {
    return dir.dir() == null ? name : dir.dir().resolve(name).toString();
  }

  private void run() throws KaldiFormatException {
    for (String name : d.files().keySet()) {
      KeyedFile f = d.fileOrEmpty(name);
      KeyedFile s = f.sortedUnique();
      if (!s.sameLines(f)) {
        log.add("file " + f.name() + " is not in sorted order or not unique, sorting it");
      }
      d = d.with(name, s);
    }
    filterRecordings();
    filterSpeakers();
    filterUtts();
    filterSpeakers();
    filterRecordings();
    d = d.with("spk2utt", SpeakerMaps.toSpk2utt(d.fileOrEmpty("utt2spk"), where(d, "spk2utt")));
  }

  private void filterRecordings() throws KaldiFormatException {
    if (!d.hasSegments()) {
      return;
    }
    if (!d.has("wav.scp")) {
      throw new KaldiFormatException(where(d, "wav.scp"), null, -1, "segments exists but not wav.scp");
    }
    Set<String> recs = new LinkedHashSet<>();
    for (KeyedFile.Line l : d.fileOrEmpty("segments").lines()) {
      if (!l.values().isEmpty()) {
        recs.add(l.values().get(0));
      }
    }
    if (recs.isEmpty()) {
      throw new KaldiFormatException(where(d, "segments"), null, -1, "empty list of recordings (bad segments file?)");
    }
    recs.retainAll(d.fileOrEmpty("wav.scp").keys());
    java.util.Map<String, String> recOf = new java.util.HashMap<>();
    for (KeyedFile.Line l : d.fileOrEmpty("segments").lines()) {
      if (!l.values().isEmpty()) {
        recOf.putIfAbsent(l.key(), l.values().get(0));
      }
    }
    filter("segments", d.fileOrEmpty("segments").filter(u -> recs.contains(recOf.get(u))), "recordings");
    for (String name : DataDir.RECO_FILES) {
      if (d.has(name)) {
        filter(name, d.fileOrEmpty(name).filterKeys(recs), "recordings");
      }
    }
  }

  private void filterSpeakers() throws KaldiFormatException {
    KeyedFile spk2utt = SpeakerMaps.toSpk2utt(d.fileOrEmpty("utt2spk"), where(d, "spk2utt"));
    Set<String> speakers = new LinkedHashSet<>(spk2utt.keys());
    for (String s : new String[] {"cmvn.scp", "spk2gender"}) {
      d.file(s).ifPresent(f -> speakers.retainAll(f.keys()));
    }
    spk2utt = spk2utt.filterKeys(speakers);
    d = d.with("spk2utt", spk2utt);
    filter("utt2spk", SpeakerMaps.toUtt2spk(spk2utt, where(d, "utt2spk")), "speakers");
    for (String s : new String[] {"cmvn.scp", "spk2gender", "spk2warp"}) {
      if (d.has(s)) {
        filter(s, d.fileOrEmpty(s).filterKeys(speakers), "speakers");
      }
    }
  }

  private void filterUtts() throws KaldiFormatException {
    KeyedFile utt2spk = d.fileOrEmpty("utt2spk");
    KeyedFile.Line prev = null;
    for (KeyedFile.Line l : utt2spk.lines()) {
      if (prev != null && Keys.compare(prev.key(), l.key()) > 0) {
        throw new KaldiFormatException(utt2spk.name(), l.key(), -1, "utt2spk is not in sorted order "
            + "(fix this yourself)");
      }
      if (prev != null && Keys.compare(speakerOf(prev), speakerOf(l)) > 0) {
        throw new KaldiFormatException(utt2spk.name(), l.key(), -1, "utt2spk is not in sorted order when "
            + "sorted first on speaker-id (fix this by making speaker-ids prefixes of utt-ids)");
      }
      prev = l;
    }
    Set<String> utts = new LinkedHashSet<>(utt2spk.keys());
    List<String> restrict = new ArrayList<>(List.of("feats.scp", "text", "segments", "utt2lang"));
    if (!d.hasSegments()) {
      restrict.add("wav.scp");
    }
    for (String name : restrict) {
      d.file(name).ifPresent(f -> utts.retainAll(f.keys()));
    }
    for (String name : new String[] {"utt2dur", "utt2num_frames"}) {
      d.file(name).ifPresent(f -> utts.retainAll(f.lines().stream()
          .filter(DataDirFixer::positiveValue).map(KeyedFile.Line::key).toList()));
    }
    if (utts.isEmpty()) {
      throw new KaldiFormatException(utt2spk.name(), null, -1, "no utterances remained: not proceeding further");
    }
    int old = utt2spk.size();
    log.add(utts.size() != old ? "kept " + utts.size() + " utterances out of " + old
        : "kept all " + old + " utterances.");
    List<String> byUtt = new ArrayList<>(List.of("utt2spk", "utt2uniq", "feats.scp", "vad.scp", "text",
        "segments", "utt2lang", "utt2dur", "utt2num_frames", "utt2warp"));
    if (!d.hasSegments()) {
      byUtt.add("wav.scp");
      if (d.file("reco2dur").map(f -> f.size() > 0).orElse(false)) {
        byUtt.add("reco2dur");
      }
    }
    for (String name : byUtt) {
      if (d.has(name)) {
        filter(name, d.fileOrEmpty(name).filterKeys(utts), "utterances");
      }
    }
  }

  private static String speakerOf(KeyedFile.Line l) {
    return l.values().isEmpty() ? "" : l.values().get(0);
  }

  private static boolean positiveValue(KeyedFile.Line l) {
    List<String> v = l.values();
    if (v.size() != 1) {
      return false;
    }
    try {
      return org.asrdistill.kaldiio.io.TextNumbers.parseDouble(v.get(0)) > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void filter(String name, KeyedFile filtered, String by) {
    KeyedFile old = d.fileOrEmpty(name);
    KeyedFile renamed = filtered.renamed(old.name());
    if (old.size() != renamed.size()) {
      log.add("filtered " + old.name() + " from " + old.size() + " to " + renamed.size() + " lines based on "
          + by + ".");
    }
    d = d.with(name, renamed);
  }
}
