package org.asrdistill.recipes.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic speaker: a voice plus a fixed perturbation identity (tempo factor, pitch shift, noise level).
 *
 * @param id speaker id, e.g. {@code fkal-p03}
 * @param voice the voice
 * @param tempo sox tempo factor in [0.9, 1.1]
 * @param pitchCents sox pitch shift in cents
 * @param snrDb signal-to-noise ratio of the added white noise, in [10, 30] dB
 */
public record Speaker(String id, Voice voice, double tempo, int pitchCents, double snrDb) {

  /** Which split a speaker belongs to; speakers are disjoint between splits. */
  public enum Split {
    TRAIN, DEV, TEST;

    public String dirName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A speaker assigned to a split. */
  public record Assigned(Speaker speaker, Split split) {
  }

  /**
   * Draws {@code perVoice} speakers for each voice (seeded) and assigns them to splits so that every voice
   * has speakers in every split: one dev and one test speaker per voice, the rest train.
   */
  public static List<Assigned> plan(List<Voice> voices, int perVoice, long seed) {
    if (perVoice < 3) {
      throw new IllegalArgumentException("speakers per voice must be >= 3 (train, dev, test); got: " + perVoice);
    }
    Random rnd = new Random(seed);
    List<Assigned> out = new ArrayList<>();
    for (Voice v : voices) {
      for (int k = 0; k < perVoice; k++) {
        double tempo = 0.9 + 0.2 * rnd.nextDouble();
        int pitch = (int) Math.round(-250 + 500 * rnd.nextDouble());
        double snr = 10 + 20 * rnd.nextDouble();
        Split split = k == 0 ? Split.DEV : k == 1 ? Split.TEST : Split.TRAIN;
        String id = String.format(Locale.ROOT, "%s-p%02d", v.id(), k);
        out.add(new Assigned(new Speaker(id, v, tempo, pitch, snr), split));
      }
    }
    return out;
  }
}
