package org.asrdistill.eval.wer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded random reference/hypothesis transcripts for benchmarks: utterances of 5 to 30 words from a
 * vocabulary of {@code w0 .. w(V-1)}, hypotheses made by random substitutions, deletions and insertions
 * at the given rate, ten utterances per speaker ({@code spkNNNNN-uttNNNNNNN}).
 */
public final class SyntheticPairs {
  private SyntheticPairs() {
  }

  /** A reference and a hypothesis set over the same keys. */
  public record Pair(Transcripts ref, Transcripts hyp) {
  }

  public static Pair generate(int utterances, int vocabulary, double errorRate, long seed) {
    if (utterances < 1 || vocabulary < 2 || !(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("need utterances >= 1, vocabulary >= 2, 0 <= errorRate <= 1; got: "
          + utterances + ", " + vocabulary + ", " + errorRate);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] vocab = new String[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      vocab[i] = "w" + i;
    }
    List<String> keys = new ArrayList<>(utterances);
    List<String[]> refs = new ArrayList<>(utterances);
    List<String[]> hyps = new ArrayList<>(utterances);
    List<String> hyp = new ArrayList<>();
    for (int u = 0; u < utterances; u++) {
      keys.add(String.format(Locale.ROOT, "spk%05d-utt%07d", u / 10, u));
      String[] ref = new String[5 + rnd.nextInt(26)];
      for (int i = 0; i < ref.length; i++) {
        ref[i] = vocab[rnd.nextInt(vocabulary)];
      }
      hyp.clear();
      for (String w : ref) {
        double x = rnd.nextDouble();
        if (x < errorRate / 3) {
          hyp.add(vocab[rnd.nextInt(vocabulary)]);
        } else if (x < 2 * errorRate / 3) {
          continue;
        } else if (x < errorRate) {
          hyp.add(w);
          hyp.add(vocab[rnd.nextInt(vocabulary)]);
        } else {
          hyp.add(w);
        }
      }
      refs.add(ref);
      hyps.add(hyp.toArray(new String[0]));
    }
    return new Pair(Transcripts.of(keys, refs), Transcripts.of(keys, hyps));
  }
}
