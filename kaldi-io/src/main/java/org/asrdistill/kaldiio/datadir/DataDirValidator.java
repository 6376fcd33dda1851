package org.asrdistill.kaldiio.datadir;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.TextNumbers;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.table.Keys;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveReader;

/**
 * The checks of Kaldi's utils/validate_data_dir.sh (and validate_text.pl), reporting every problem with
 * its file and line instead of stopping at the first: every file's keys sorted ({@code LC_ALL=C}) and
 * unique and its lines newline-terminated; utt2spk with two fields, also sorted by speaker (unless
 * {@code noSpkSort}); spk2utt consistent with utt2spk; text, feats.scp, wav.scp (or segments), utt2dur,
 * utt2num_frames, vad.scp, utt2lang, utt2uniq, utt2warp keyed by exactly the utterances of utt2spk;
 * cmvn.scp, spk2gender, spk2warp by exactly the speakers of spk2utt; segments with 4 fields and start
 * &lt; end referring to exactly the recordings of wav.scp; reco2file_and_channel and reco2dur keyed by the
 * recordings; text printable, free of CR and non-ASCII whitespace and of {@code <s>}, {@code </s>},
 * {@code #0}; no {@code ~} paths in wav.scp; and, beyond Kaldi, that audio entries parse as WAV (with
 * segments inside their recording). Empty transcripts are allowed, as in Kaldi, with a warning.
 */
public final class DataDirValidator {
  /** Seconds a segment may run past the end of its recording (extract-segments' --max-overshoot). */
  public static final double MAX_OVERSHOOT = 0.5;

  private static final Pattern ILLEGAL = Pattern.compile("(?<![\\p{L}\\p{N}_])(<s>|</s>|#0)(?![\\p{L}\\p{N}_])");

  /** Parses one wav.scp entry's audio (WAV by default; the frontend adds FLAC and Ogg Vorbis). */
  @FunctionalInterface
  public interface AudioReader {
    WaveData read(KaldiInput in) throws IOException;
  }

  private final DataDir d;
  private final ValidationOptions o;
  private final AudioReader audioReader;
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  private DataDirValidator(DataDir d, ValidationOptions o, AudioReader audioReader) {
    this.d = d;
    this.o = o;
    this.audioReader = audioReader;
  }

  /** Runs every check and returns all the problems found; audio is parsed as WAV. */
  public static ValidationReport validate(DataDir d, ValidationOptions options) {
    return validate(d, options, WaveReader::read);
  }

  /** As {@link #validate(DataDir, ValidationOptions)}, parsing audio with {@code audioReader}. */
  public static ValidationReport validate(DataDir d, ValidationOptions options, AudioReader audioReader) {
    DataDirValidator v = new DataDirValidator(d, options, audioReader);
    v.run();
    return new ValidationReport(v.errors, v.warnings);
  }

  private String path(String name) {
    return d.dir() == null ? name : d.dir().resolve(name).toString();
  }

  private void error(KeyedFile f, KeyedFile.Line l, String msg) {
    errors.add(new Problem(f.name(), l == null ? 0 : l.number(), msg));
  }

  private void warn(KeyedFile f, KeyedFile.Line l, String msg) {
    warnings.add(new Problem(f.name(), l == null ? 0 : l.number(), msg));
  }

  private KeyedFile need(String name, boolean required, String flag) {
    KeyedFile f = d.file(name).orElse(null);
    if (f == null) {
      if (required) {
        errors.add(new Problem(path(name), 0, "no such file" + (flag == null ? ""
            : " (if this is by design, specify " + flag + ")")));
      }
      return null;
    }
    return f;
  }

  private void run() {
    for (KeyedFile f : d.files().values()) {
      errors.addAll(f.readProblems());
      checkSortedUnique(f);
    }
    KeyedFile utt2spk = need("utt2spk", true, null);
    KeyedFile spk2utt = need("spk2utt", true, null);
    Map<String, Integer> utts = new LinkedHashMap<>();
    Map<String, Integer> speakers = new LinkedHashMap<>();
    if (utt2spk != null) {
      checkUtt2spk(utt2spk);
      utt2spk.lines().forEach(l -> utts.putIfAbsent(l.key(), l.number()));
    }
    if (spk2utt != null) {
      spk2utt.lines().forEach(l -> speakers.putIfAbsent(l.key(), l.number()));
      if (speakers.size() == 1) {
        warn(spk2utt, null, "you have only one speaker; this is probably a bad idea (see 'bold' in "
            + "http://kaldi-asr.org/doc/data_prep.html)");
      }
      if (utt2spk != null) {
        checkSpk2utt(spk2utt, utt2spk);
      }
    }
    for (String f : new String[] {"utt2spk", "spk2utt"}) {
      d.file(f).filter(k -> k.size() == 0 && k.readProblems().isEmpty())
          .ifPresent(k -> errors.add(new Problem(k.name(), 0, "empty file")));
    }
    KeyedFile text = need("text", !o.noText(), "--no-text");
    if (text != null) {
      checkText(text);
      sameKeys(text, utts, "utt2spk", "utterance");
    }
    checkAudioFiles(utts);
    KeyedFile feats = need("feats.scp", !o.noFeats(), "--no-feats");
    if (feats != null) {
      sameKeys(feats, utts, "utt2spk", "utterance");
    }
    for (String s : new String[] {"cmvn.scp", "spk2gender", "spk2warp"}) {
      d.file(s).ifPresent(f -> sameKeys(f, speakers, "spk2utt", "speaker"));
    }
    for (String s : new String[] {"vad.scp", "utt2lang", "utt2uniq", "utt2warp", "utt2dur", "utt2num_frames"}) {
      d.file(s).ifPresent(f -> sameKeys(f, utts, "utt2spk", "utterance"));
    }
    d.file("spk2gender").ifPresent(f -> checkValues(f, "m or f", v -> v.equals("m") || v.equals("f")));
    d.file("spk2warp").ifPresent(f -> checkValues(f, "a warp factor in (0.5, 1.5)", v -> inRange(v, 0.5, 1.5)));
    d.file("utt2warp").ifPresent(f -> checkValues(f, "a warp factor in (0.5, 1.5)", v -> inRange(v, 0.5, 1.5)));
    d.file("utt2dur").ifPresent(f -> checkValues(f, "a duration > 0", v -> inRange(v, 0, Double.MAX_VALUE)));
    d.file("reco2dur").ifPresent(f -> checkValues(f, "a duration > 0", v -> inRange(v, 0, Double.MAX_VALUE)));
    d.file("utt2num_frames").ifPresent(f -> checkValues(f, "a whole number of frames > 0",
        v -> v.matches("\\+?[0-9]+") && !v.matches("\\+?0+")));
  }

  private void checkSortedUnique(KeyedFile f) {
    Map<String, Integer> seen = new HashMap<>();
    KeyedFile.Line prev = null;
    for (KeyedFile.Line l : f.lines()) {
      Integer first = seen.putIfAbsent(l.key(), l.number());
      if (first != null) {
        error(f, l, "duplicate key '" + l.key() + "' (first on line " + first + ")");
      } else if (prev != null && Keys.compare(prev.key(), l.key()) > 0) {
        error(f, l, "not sorted: key '" + l.key() + "' should come before '" + prev.key() + "' (line "
            + prev.number() + ") in C-locale (LC_ALL=C sort) order");
      }
      prev = l;
    }
  }

  private void checkUtt2spk(KeyedFile f) {
    KeyedFile.Line prev = null;
    for (KeyedFile.Line l : f.lines()) {
      List<String> v = l.values();
      if (v.size() != 1) {
        error(f, l, "expected 2 fields 'utt-id speaker-id', got " + (v.size() + 1));
        continue;
      }
      if (!o.noSpkSort() && prev != null) {
        int c = Keys.compare(prev.values().get(0), v.get(0));
        if (c > 0 || (c == 0 && Keys.compare(prev.key(), l.key()) > 0)) {
          error(f, l, "not sorted by speaker-id: speaker '" + v.get(0) + "' of '" + l.key()
              + "' follows speaker '" + prev.values().get(0) + "' (line " + prev.number()
              + "); make speaker-ids prefixes of utterance-ids (or use --no-spk-sort)");
        }
      }
      prev = l;
    }
  }

  private void checkSpk2utt(KeyedFile spk2utt, KeyedFile utt2spk) {
    Map<String, KeyedFile.Line> u2s = new HashMap<>();
    for (KeyedFile.Line l : utt2spk.lines()) {
      u2s.putIfAbsent(l.key(), l);
    }
    Map<String, KeyedFile.Line> listed = new HashMap<>();
    for (KeyedFile.Line l : spk2utt.lines()) {
      List<String> us = l.values();
      if (us.isEmpty()) {
        error(spk2utt, l, "speaker '" + l.key() + "' has no utterances");
      }
      String prevUtt = null;
      for (String u : us) {
        KeyedFile.Line other = listed.putIfAbsent(u, l);
        KeyedFile.Line own = u2s.get(u);
        if (other != null) {
          error(spk2utt, l, "utterance '" + u + "' is listed twice (also on line " + other.number() + ")");
        } else if (own == null) {
          error(spk2utt, l, "utterance '" + u + "' of speaker '" + l.key() + "' is not in utt2spk");
        } else if (own.values().size() == 1 && !own.values().get(0).equals(l.key())) {
          error(spk2utt, l, "utterance '" + u + "' is listed for speaker '" + l.key() + "' but utt2spk line "
              + own.number() + " gives speaker '" + own.values().get(0) + "'");
        }
        if (prevUtt != null && Keys.compare(prevUtt, u) > 0) {
          error(spk2utt, l, "utterances of speaker '" + l.key() + "' are not sorted: '" + u + "' follows '"
              + prevUtt + "'");
        }
        prevUtt = u;
      }
    }
    for (KeyedFile.Line l : utt2spk.lines()) {
      if (!listed.containsKey(l.key())) {
        error(utt2spk, l, "utterance '" + l.key() + "' is missing from spk2utt");
      }
    }
  }

  private void checkText(KeyedFile f) {
    for (KeyedFile.Line l : f.lines()) {
      String t = l.text();
      if (!o.nonPrint()) {
        int bad = firstNonPrintable(t, f.isUtf8());
        if (bad >= 0) {
          error(f, l, "contains non-printable character " + String.format(Locale.ROOT, "U+%04X", bad)
              + (f.isUtf8() ? "" : " (file is not valid UTF-8)") + " (use --non-print to allow)");
        }
      }
      if (f.isUtf8()) {
        if (t.indexOf('\r') >= 0) {
          error(f, l, "contains a carriage return (0x0D): the file has DOS line endings?");
        }
        int ws = t.codePoints().filter(DataDirValidator::isDisallowedSpace).findFirst().orElse(-1);
        if (ws >= 0) {
          error(f, l, "contains disallowed Unicode whitespace " + String.format(Locale.ROOT, "U+%04X", ws));
        }
      }
      java.util.regex.Matcher m = ILLEGAL.matcher(l.rest());
      if (m.find()) {
        error(f, l, "contains illegal symbol " + m.group(1));
      }
      if (l.values().isEmpty()) {
        warn(f, l, "empty transcript for '" + l.key() + "'");
      }
    }
  }

  private static int firstNonPrintable(String t, boolean utf8) {
    for (int i = 0; i < t.length(); ) {
      int c = t.codePointAt(i);
      i += Character.charCount(c);
      boolean space = c == ' ' || (c >= 0x09 && c <= 0x0D);
      if (!utf8 && c >= 0x80) {
        return c;
      }
      if (!space && (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED
          || Character.getType(c) == Character.SURROGATE)) {
        return c;
      }
    }
    return -1;
  }

  /** Whitespace Perl's \s matches apart from tab, LF, CR and space (validate_text.pl's check). */
  private static boolean isDisallowedSpace(int c) {
    return c == 0x0B || c == 0x0C || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  private void checkAudioFiles(Map<String, Integer> utts) {
    KeyedFile segments = d.file("segments").orElse(null);
    KeyedFile wav = need("wav.scp", !o.noWav() && segments == null, "--no-wav");
    if (segments != null && wav == null) {
      error(segments, null, "segments file exists but there is no wav.scp");
    }
    Map<String, Integer> recordings = new LinkedHashMap<>();
    if (segments != null) {
      sameKeys(segments, utts, "utt2spk", "utterance");
      for (KeyedFile.Line l : segments.lines()) {
        List<String> v = l.values();
        if (v.size() != 3) {
          error(segments, l, "expected 4 fields 'utt-id recording-id start end', got " + (v.size() + 1));
          continue;
        }
        recordings.putIfAbsent(v.get(0), l.number());
        Double s = parse(v.get(1));
        Double e = parse(v.get(2));
        if (s == null || e == null) {
          error(segments, l, "start and end must be numbers; got '" + v.get(1) + "' and '" + v.get(2) + "'");
        } else if (!(e > s) || s < 0) {
          error(segments, l, "bad segment: need 0 <= start < end; got start " + v.get(1) + ", end " + v.get(2));
        }
      }
    }
    Map<String, Integer> recoKeys = segments != null ? recordings : utts;
    String recoSource = segments != null ? "segments" : "utt2spk";
    String recoWhat = segments != null ? "recording" : "utterance";
    if (wav != null) {
      if (segments != null) {
        sameKeys(wav, recordings, "segments", "recording");
      } else {
        sameKeys(wav, utts, "utt2spk", "utterance");
      }
      for (KeyedFile.Line l : wav.lines()) {
        if (l.values().isEmpty()) {
          error(wav, l, "no filename or command for '" + l.key() + "'");
        } else if (l.rest().startsWith("~")) {
          error(wav, l, "do not use tilde (~) in wav.scp: it is not expanded for plain files");
        }
      }
      checkReadableAudio(wav, segments);
    }
    d.file("reco2file_and_channel").ifPresent(f -> {
      sameKeys(f, recoKeys, recoSource, recoWhat);
      for (KeyedFile.Line l : f.lines()) {
        List<String> v = l.values();
        if (v.size() == 2 && v.get(1).equals("1")) {
          warn(f, l, "the channel should be marked as A or B, not 1");
        } else if (v.size() != 2 || !(v.get(1).equals("A") || v.get(1).equals("B"))) {
          error(f, l, "expected 'recording-id file channel' with channel A or B");
        }
      }
    });
    d.file("reco2dur").ifPresent(f -> sameKeys(f, recoKeys, recoSource, recoWhat));
  }

  private void checkReadableAudio(KeyedFile wav, KeyedFile segments) {
    if (o.audio() == ValidationOptions.AudioCheck.NONE) {
      return;
    }
    Map<String, List<KeyedFile.Line>> segsByReco = new HashMap<>();
    if (segments != null) {
      for (KeyedFile.Line l : segments.lines()) {
        if (l.values().size() == 3) {
          segsByReco.computeIfAbsent(l.values().get(0), k -> new ArrayList<>()).add(l);
        }
      }
    }
    for (KeyedFile.Line l : wav.lines()) {
      String rx = l.rest();
      Xfilenames.Kind kind = Xfilenames.classifyRx(rx);
      if (rx.isEmpty() || kind == Xfilenames.Kind.STANDARD
          || (kind == Xfilenames.Kind.PIPE && o.audio() != ValidationOptions.AudioCheck.ALL)) {
        continue;
      }
      WaveData w;
      try (KaldiInput in = Xfilenames.openInput(rx)) {
        in.setKey(l.key());
        w = audioReader.read(in);
      } catch (NoSuchFileException e) {
        error(wav, l, "audio file '" + rx + "' does not exist");
        continue;
      } catch (KaldiFormatException e) {
        error(wav, l, "unreadable audio: " + e.getMessage());
        continue;
      } catch (IOException e) {
        error(wav, l, "cannot read audio '" + rx + "': " + e.getMessage());
        continue;
      }
      double dur = w.duration();
      for (KeyedFile.Line s : segsByReco.getOrDefault(l.key(), List.of())) {
        Double start = parse(s.values().get(1));
        Double end = parse(s.values().get(2));
        if (start == null || end == null || !(end > start) || start < 0) {
          continue; // already reported as a bad segment
        }
        if (start >= dur) {
          error(segments, s, "segment starts at " + start + " s, after the end of recording '" + l.key()
              + "' (" + TextNumbers.format(dur) + " s)");
        } else if (end > dur + MAX_OVERSHOOT) {
          error(segments, s, "segment ends at " + end + " s, more than " + MAX_OVERSHOOT
              + " s after the end of recording '" + l.key() + "' (" + TextNumbers.format(dur) + " s)");
        }
      }
    }
  }

  private void sameKeys(KeyedFile f, Map<String, Integer> expected, String expectedFile, String what) {
    java.util.Set<String> have = f.keys();
    for (KeyedFile.Line l : f.lines()) {
      if (!expected.containsKey(l.key())) {
        error(f, l, what + " '" + l.key() + "' is not in " + expectedFile);
      }
    }
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      if (!have.contains(e.getKey())) {
        errors.add(new Problem(path(expectedFile), e.getValue(), what + " '" + e.getKey() + "' has no line in "
            + f.name()));
      }
    }
  }

  private void checkValues(KeyedFile f, String expect, java.util.function.Predicate<String> ok) {
    for (KeyedFile.Line l : f.lines()) {
      List<String> v = l.values();
      if (v.size() != 1 || !ok.test(v.get(0))) {
        error(f, l, "expected 'key value' with " + expect + "; got '" + l.text() + "'");
      }
    }
  }

  private static boolean inRange(String v, double loExclusive, double hiExclusive) {
    Double x = parse(v);
    return x != null && x > loExclusive && x < hiExclusive;
  }

  private static Double parse(String s) {
    try {
      double x = TextNumbers.parseDouble(s);
      return Double.isNaN(x) ? null : x;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
