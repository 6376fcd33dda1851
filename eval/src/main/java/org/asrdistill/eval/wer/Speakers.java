package org.asrdistill.eval.wer;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;

/** Ways to find an utterance's speaker. */
public final class Speakers {
  private Speakers() {
  }

  /**
   * sclite's {@code spu_id} rule: the speaker is the part of the utterance id before its first '-', or
   * before its first '_' when it has no '-'; an id with neither is its own speaker.
   */
  public static String spuId(String utteranceId) {
    int p = utteranceId.indexOf('-');
    if (p < 0) {
      p = utteranceId.indexOf('_');
    }
    return p < 0 ? utteranceId : utteranceId.substring(0, p);
  }

  /** The sclite rule as a function. */
  public static Function<String, String> spuIdRule() {
    return Speakers::spuId;
  }

  /**
   * Speakers from a Kaldi utt2spk table ({@code ark:data/test/utt2spk} or a plain file name); utterances
   * it does not list fall back to the sclite rule.
   */
  public static Function<String, String> fromUtt2spk(String spec) throws IOException {
    String rspec = spec.contains(":") ? spec : "ark:" + spec;
    Map<String, String> map = new HashMap<>();
    try (SequentialTableReader<List<String>> r = SequentialTableReader.open(rspec, Holders.TOKEN_VECTOR)) {
      while (r.next()) {
        List<String> v = r.value();
        if (v.size() != 1) {
          throw new org.asrdistill.kaldiio.KaldiFormatException(rspec, r.key(), -1,
              "utt2spk line must have exactly one speaker; got " + v.size() + " fields");
        }
        map.put(r.key(), v.get(0));
      }
    }
    return key -> {
      String s = map.get(key);
      return s == null ? spuId(key) : s;
    };
  }
}
