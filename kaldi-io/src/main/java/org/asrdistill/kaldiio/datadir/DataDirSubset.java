package org.asrdistill.kaldiio.datadir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.table.Keys;

/**
 * Kaldi's utils/subset_data_dir.sh: chooses utterances (see {@link SubsetOptions.Mode}), writes utt2spk
 * and spk2utt for them, and filters every other file by utterance (text, feats.scp, wav.scp without
 * segments, segments, utt2dur, ...), by speaker (cmvn.scp, spk2gender, spk2warp) and by recording
 * (wav.scp with segments, reco2file_and_channel, reco2dur). Lines are copied verbatim.
 */
public final class DataDirSubset {
  private DataDirSubset() {
  }

  /** The subset of {@code src} as an in-memory data directory. */
  public static DataDir select(DataDir src, SubsetOptions opt) throws IOException {
    KeyedFile utt2spk = src.file("utt2spk").orElseThrow(() -> new KaldiFormatException(
        where(src, "utt2spk"), null, -1, "no such file"));
    int n = opt.count();
    boolean listMode = opt.mode() == SubsetOptions.Mode.UTT_LIST || opt.mode() == SubsetOptions.Mode.SPK_LIST;
    if (!listMode && opt.mode() != SubsetOptions.Mode.PER_SPK && n > utt2spk.size()) {
      throw new IllegalArgumentException("cannot subset to more utterances than you originally had: "
          + n + " > " + utt2spk.size());
    }
    KeyedFile spk2utt = src.has("spk2utt") ? src.fileOrEmpty("spk2utt")
        : SpeakerMaps.toSpk2utt(utt2spk, "spk2utt");
    KeyedFile newUtt2spk;
    switch (opt.mode()) {
      case SPK_LIST:
        newUtt2spk = SpeakerMaps.toUtt2spk(spk2utt.filterKeys(listKeys(opt.list())), "utt2spk");
        break;
      case UTT_LIST:
        newUtt2spk = utt2spk.filterKeys(listKeys(opt.list()));
        break;
      case SPEAKERS: {
        List<KeyedFile.Line> spk = new ArrayList<>(spk2utt.lines());
        shuffle(spk, opt.seed());
        Set<String> chosen = new LinkedHashSet<>();
        int total = 0;
        for (KeyedFile.Line l : spk) {
          if (total < n) {
            chosen.add(l.key());
          }
          total += l.values().size();
        }
        newUtt2spk = SpeakerMaps.toUtt2spk(spk2utt.filterKeys(chosen), "utt2spk");
        break;
      }
      case PER_SPK: {
        List<String> lines = new ArrayList<>();
        for (KeyedFile.Line l : spk2utt.lines()) {
          List<String> us = l.values();
          int skip = 1;
          while ((long) n * (skip + 1) <= us.size()) {
            skip++;
          }
          List<String> keep = new ArrayList<>();
          for (int i = 0; i < us.size() && i < (long) n * skip; i += skip) {
            keep.add(us.get(i));
          }
          lines.add(l.key() + " " + String.join(" ", keep));
        }
        newUtt2spk = SpeakerMaps.toUtt2spk(KeyedFile.of("spk2utt", lines), "utt2spk");
        break;
      }
      case SHORTEST:
        newUtt2spk = utt2spk.filterKeys(shortest(src, n));
        break;
      default:
        newUtt2spk = KeyedFile.of("utt2spk", pick(utt2spk, opt));
        break;
    }
    KeyedFile newSpk2utt = SpeakerMaps.toSpk2utt(newUtt2spk, "spk2utt");
    Set<String> utts = newUtt2spk.keys();
    Set<String> spks = newSpk2utt.keys();
    Map<String, KeyedFile> out = new HashMap<>();
    out.put("utt2spk", newUtt2spk);
    out.put("spk2utt", newSpk2utt);
    for (String name : DataDir.UTT_FILES) {
      if (!name.equals("utt2spk") && src.has(name)) {
        out.put(name, src.fileOrEmpty(name).filterKeys(utts));
      }
    }
    for (String name : DataDir.SPK_FILES) {
      if (!name.equals("spk2utt") && src.has(name)) {
        out.put(name, src.fileOrEmpty(name).filterKeys(spks));
      }
    }
    Set<String> recos;
    if (src.hasSegments()) {
      recos = new LinkedHashSet<>();
      for (KeyedFile.Line l : out.get("segments").lines()) {
        if (!l.values().isEmpty()) {
          recos.add(l.values().get(0));
        }
      }
    } else {
      recos = src.has("wav.scp") ? src.fileOrEmpty("wav.scp").filterKeys(utts).keys() : utts;
    }
    for (String name : DataDir.RECO_FILES) {
      if (src.has(name)) {
        out.put(name, src.fileOrEmpty(name).filterKeys(name.equals("wav.scp") && !src.hasSegments() ? utts : recos));
      }
    }
    return DataDir.of(out);
  }

  /** Subsets {@code src} into {@code dest} (created if needed); copies frame_shift; returns the subset. */
  public static DataDir subset(Path src, Path dest, SubsetOptions opt) throws IOException {
    DataDir s = select(DataDir.read(src), opt);
    s.write(dest);
    Path fs = src.resolve("frame_shift");
    if (Files.isRegularFile(fs)) {
      Files.copy(fs, dest.resolve("frame_shift"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return s;
  }

  private static List<String> pick(KeyedFile utt2spk, SubsetOptions opt) {
    List<KeyedFile.Line> all = utt2spk.lines();
    int n = opt.count();
    List<String> out = new ArrayList<>();
    switch (opt.mode()) {
      case FIRST:
        all.subList(0, n).forEach(l -> out.add(l.text()));
        break;
      case LAST:
        all.subList(all.size() - n, all.size()).forEach(l -> out.add(l.text()));
        break;
      case RANDOM: {
        int[] idx = new int[all.size()];
        for (int i = 0; i < idx.length; i++) {
          idx[i] = i;
        }
        SplittableRandom r = new SplittableRandom(opt.seed());
        for (int i = 0; i < n; i++) { // partial Fisher-Yates: the first n are a uniform sample
          int j = i + r.nextInt(idx.length - i);
          int t = idx[i];
          idx[i] = idx[j];
          idx[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(idx, n);
        java.util.Arrays.sort(chosen);
        for (int i : chosen) {
          out.add(all.get(i).text());
        }
        break;
      }
      default:
        even(all, 0, all.size(), n, out);
        break;
    }
    return out;
  }

  /** subset_scp.pl's recursive even spread: half the picks from each half of the range. */
  private static void even(List<KeyedFile.Line> all, int start, int end, int needed, List<String> out) {
    int diff = end - start;
    if (diff == 1) {
      if (needed > 0) {
        out.add(all.get(start).text());
      }
      return;
    }
    int half = diff / 2;
    int halfNeeded = needed / 2;
    even(all, start, start + half, halfNeeded, out);
    even(all, start + half, end, needed - halfNeeded, out);
  }

  private static Set<String> shortest(DataDir src, int n) throws KaldiFormatException {
    String name = src.has("utt2num_frames") ? "utt2num_frames" : src.has("utt2dur") ? "utt2dur" : null;
    if (name == null) {
      throw new KaldiFormatException(where(src, "utt2num_frames"), null, -1,
          "selecting the shortest utterances needs utt2num_frames or utt2dur");
    }
    KeyedFile f = src.fileOrEmpty(name);
    List<Map.Entry<String, Double>> lens = new ArrayList<>();
    for (KeyedFile.Line l : f.lines()) {
      if (l.values().size() == 1) {
        lens.add(Map.entry(l.key(), DataDir.number(f, l, l.values().get(0))));
      }
    }
    lens.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
        .thenComparing(Map.Entry::getKey, Keys.ORDER));
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < Math.min(n, lens.size()); i++) {
      out.add(lens.get(i).getKey());
    }
    return out;
  }

  private static Set<String> listKeys(Path list) throws IOException {
    return KeyedFile.read(list, list.toString()).keys();
  }

  private static void shuffle(List<KeyedFile.Line> l, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = l.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      KeyedFile.Line t = l.get(i);
      l.set(i, l.get(j));
      l.set(j, t);
    }
  }

  private static String where(DataDir d, String name) {
    return d.dir() == null ? name : d.dir().resolve(name).toString();
  }
}
