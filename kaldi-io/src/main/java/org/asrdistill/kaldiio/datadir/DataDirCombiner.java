package org.asrdistill.kaldiio.datadir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.wav.WaveReader;

/**
 * Kaldi's utils/combine_data.sh: concatenates the source directories' files and sorts them. A file is
 * combined only when every source has it, except utt2uniq (identity lines are made for sources without
 * it) and segments (whole-recording segments {@code utt utt 0 duration} are made from utt2dur or, failing
 * that, from the audio). spk2utt is regenerated, frame_shift must agree among sources with features, and
 * the result is then fixed with {@link DataDirFixer} (unless skipped).
 */
public final class DataDirCombiner {
  /** Files combined when present in every source (Kaldi's list). */
  public static final List<String> COMBINED = List.of("utt2spk", "utt2lang", "utt2dur", "utt2num_frames",
      "reco2dur", "feats.scp", "text", "cmvn.scp", "vad.scp", "reco2file_and_channel", "wav.scp",
      "spk2gender");

  private DataDirCombiner() {
  }

  /** Combines {@code srcs} in memory (no fix); messages go to {@code log}. */
  public static DataDir combine(List<DataDir> srcs, List<String> extraFiles, Consumer<String> log)
      throws IOException {
    if (srcs.isEmpty()) {
      throw new IllegalArgumentException("need at least one source directory");
    }
    for (DataDir s : srcs) {
      if (!s.has("utt2spk")) {
        throw new KaldiFormatException(s.dir() + "/utt2spk", null, -1, "no such file");
      }
    }
    Map<String, KeyedFile> out = new HashMap<>();
    if (srcs.stream().anyMatch(s -> s.has("utt2uniq"))) {
      KeyedFile all = KeyedFile.of("utt2uniq", List.of());
      for (DataDir s : srcs) {
        all = all.concat(s.has("utt2uniq") ? s.fileOrEmpty("utt2uniq") : identity(s.fileOrEmpty("utt2spk")));
      }
      out.put("utt2uniq", all.sortedLines());
      log.accept("combined utt2uniq");
    }
    if (srcs.stream().anyMatch(DataDir::hasSegments)) {
      KeyedFile all = KeyedFile.of("segments", List.of());
      for (DataDir s : srcs) {
        if (!s.hasSegments()) {
          log.accept("will generate missing segments for " + s.dir());
        }
        all = all.concat(s.hasSegments() ? s.fileOrEmpty("segments") : wholeSegments(s));
      }
      out.put("segments", all.sortedLines());
      log.accept("combined segments");
    }
    List<String> names = new ArrayList<>(COMBINED);
    extraFiles.stream().filter(f -> !f.equals("utt2uniq") && !names.contains(f)).forEach(names::add);
    for (String name : names) {
      long have = srcs.stream().filter(s -> s.has(name)).count();
      if (have == srcs.size()) {
        KeyedFile all = KeyedFile.of(name, List.of());
        for (DataDir s : srcs) {
          all = all.concat(s.fileOrEmpty(name));
        }
        out.put(name, all.sortedLines());
        log.accept("combined " + name);
      } else if (have > 0) {
        log.accept("**not combining " + name + " as it does not exist everywhere**");
      }
    }
    out.put("spk2utt", SpeakerMaps.toSpk2utt(out.get("utt2spk"), "spk2utt"));
    return DataDir.of(out);
  }

  /**
   * Combines the directories {@code srcs} into {@code dest}: the data files already in {@code dest} are
   * removed first (Kaldi removes the whole directory; only data files are touched here), then the
   * result is written and, unless {@code skipFix}, fixed in place.
   */
  public static void combine(Path dest, List<Path> srcs, List<String> extraFiles, boolean skipFix,
      Consumer<String> log) throws IOException {
    List<DataDir> dirs = new ArrayList<>();
    String[] extras = extraFiles.toArray(new String[0]);
    for (Path p : srcs) {
      dirs.add(DataDir.read(p, extras));
    }
    Path frameShift = null;
    for (Path p : srcs) {
      Path fs = p.resolve("frame_shift");
      if (Files.isRegularFile(p.resolve("feats.scp")) && Files.isRegularFile(fs)) {
        if (frameShift != null && !Arrays.equals(Files.readAllBytes(frameShift), Files.readAllBytes(fs))) {
          throw new KaldiFormatException(fs.toString(), null, -1, "different frame_shift in " + p + " and "
              + frameShift.getParent() + ": cannot combine features");
        }
        frameShift = fs;
      }
    }
    DataDir combined = combine(dirs, extraFiles, log);
    Files.createDirectories(dest);
    List<String> stale = new ArrayList<>(DataDir.knownFiles());
    stale.addAll(extraFiles);
    stale.add("frame_shift");
    for (String n : stale) {
      Files.deleteIfExists(dest.resolve(n));
    }
    combined.write(dest);
    if (frameShift != null) {
      Files.copy(frameShift, dest.resolve("frame_shift"));
    }
    if (!skipFix) {
      DataDirFixer.fixInPlace(dest, log);
    }
  }

  private static KeyedFile identity(KeyedFile utt2spk) {
    List<String> lines = new ArrayList<>();
    for (String u : utt2spk.keys()) {
      lines.add(u + " " + u);
    }
    return KeyedFile.of("utt2uniq", lines);
  }

  /** {@code utt utt 0 duration} for every utterance, from utt2dur or else by reading wav.scp. */
  private static KeyedFile wholeSegments(DataDir s) throws IOException {
    Map<String, Double> dur = new HashMap<>();
    if (s.has("utt2dur")) {
      dur.putAll(s.utt2dur());
    } else if (s.has("wav.scp")) {
      for (Map.Entry<String, String> e : s.wavScp().entrySet()) {
        try (KaldiInput in = Xfilenames.openInput(e.getValue())) {
          in.setKey(e.getKey());
          dur.put(e.getKey(), WaveReader.read(in).duration());
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (String u : s.fileOrEmpty("utt2spk").keys()) {
      Double d = dur.get(u);
      if (d == null) {
        throw new KaldiFormatException(s.dir() + "/utt2spk", u, -1, "cannot make a segment for '" + u
            + "': no duration in utt2dur and no readable wav.scp entry");
      }
      lines.add(u + " " + u + " 0 " + TextNumbers.format(d));
    }
    return KeyedFile.of("segments", lines);
  }
}
