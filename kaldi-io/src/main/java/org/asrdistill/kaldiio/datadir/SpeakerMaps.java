package org.asrdistill.kaldiio.datadir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asrdistill.kaldiio.KaldiFormatException;

/**
 * utt2spk and spk2utt conversions (Kaldi's utt2spk_to_spk2utt.pl and spk2utt_to_utt2spk.pl): speakers
 * appear in order of first appearance and each speaker's utterances in input order.
 */
public final class SpeakerMaps {
  private SpeakerMaps() {
  }

  /** spk2utt lines from utt2spk lines; a line without exactly two fields is an error. */
  public static KeyedFile toSpk2utt(KeyedFile utt2spk, String name) throws KaldiFormatException {
    Map<String, List<String>> bySpk = new LinkedHashMap<>();
    for (KeyedFile.Line l : utt2spk.lines()) {
      List<String> v = l.values();
      if (v.size() != 1) {
        throw new KaldiFormatException(utt2spk.name(), l.key(), -1, "line " + l.number()
            + ": invalid line in utt2spk (expected 'utt-id speaker-id'): " + l.text());
      }
      bySpk.computeIfAbsent(v.get(0), k -> new ArrayList<>()).add(l.key());
    }
    List<String> out = new ArrayList<>();
    bySpk.forEach((s, us) -> out.add(s + " " + String.join(" ", us)));
    return KeyedFile.of(name, out);
  }

  /** utt2spk lines from spk2utt lines; a speaker without utterances is an error. */
  public static KeyedFile toUtt2spk(KeyedFile spk2utt, String name) throws KaldiFormatException {
    List<String> out = new ArrayList<>();
    for (KeyedFile.Line l : spk2utt.lines()) {
      List<String> us = l.values();
      if (us.isEmpty()) {
        throw new KaldiFormatException(spk2utt.name(), l.key(), -1, "line " + l.number()
            + ": invalid line in spk2utt (speaker without utterances): " + l.text());
      }
      for (String u : us) {
        out.add(u + " " + l.key());
      }
    }
    return KeyedFile.of(name, out);
  }

  /** Streams utt2spk text to spk2utt text ({@code source} names the input in errors). */
  public static void utt2spkToSpk2utt(BufferedReader in, Writer out, String source) throws IOException {
    Map<String, StringBuilder> bySpk = new LinkedHashMap<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      List<String> f = KeyedFile.fields(line);
      if (f.size() != 2) {
        throw new KaldiFormatException(source, f.isEmpty() ? null : f.get(0), -1, "line " + n
            + ": invalid line in utt2spk file (expected 'utt-id speaker-id'): '" + line + "'");
      }
      bySpk.computeIfAbsent(f.get(1), k -> new StringBuilder(k)).append(' ').append(f.get(0));
    }
    for (StringBuilder sb : bySpk.values()) {
      out.write(sb.append('\n').toString());
    }
  }

  /** Streams spk2utt text to utt2spk text. */
  public static void spk2uttToUtt2spk(BufferedReader in, Writer out, String source) throws IOException {
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      List<String> f = KeyedFile.fields(line);
      if (f.size() < 2) {
        throw new KaldiFormatException(source, f.isEmpty() ? null : f.get(0), -1, "line " + n
            + ": invalid line in spk2utt file (expected 'speaker-id utt-id ...'): '" + line + "'");
      }
      for (int i = 1; i < f.size(); i++) {
        out.write(f.get(i) + " " + f.get(0) + "\n");
      }
    }
  }
}
