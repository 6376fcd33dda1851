package org.asrdistill.recipes.synth;

import java.util.List;

/**
 * A synthetic voice: an engine and the engine's name for the voice.
 *
 * @param engine which synthesiser runs it
 * @param name the engine's voice name (flite {@code -voice}, festival {@code voice_*} function, espeak-ng
 *     {@code -v})
 * @param id short identifier used in speaker ids (letters and digits only)
 */
public record Voice(Engine engine, String name, String id) {
  /** The synthesisers, with the Debian packages each needs. */
  public enum Engine {
    FLITE(List.of("flite")),
    FESTIVAL(List.of("festival")),
    ESPEAK(List.of("espeak-ng"));

    private final List<String> packages;

    Engine(List<String> packages) {
      this.packages = packages;
    }

    public List<String> packages() {
      return packages;
    }
  }

  public Voice {
    if (!id.matches("[a-z0-9]+")) {
      throw new IllegalArgumentException("voice id must be lower-case letters and digits; got: " + id);
    }
  }

  /** Debian packages this voice needs (engine plus voice data). */
  public List<String> packages() {
    switch (name) {
      case "voice_kal_diphone":
        return List.of("festival", "festvox-kallpc16k");
      case "voice_ked_diphone":
        return List.of("festival", "festvox-kdlpc16k");
      case "voice_cmu_us_slt_arctic_hts":
        return List.of("festival", "festvox-us-slt-hts");
      default:
        return engine.packages();
    }
  }

  /** The voices DESIGN.md names: flite kal16, awb, rms, slt; festival kal, ked, slt-hts; espeak-ng Klatt. */
  public static List<Voice> builtIn() {
    return List.of(
        new Voice(Engine.FLITE, "kal16", "fkal"),
        new Voice(Engine.FLITE, "awb", "fawb"),
        new Voice(Engine.FLITE, "rms", "frms"),
        new Voice(Engine.FLITE, "slt", "fslt"),
        new Voice(Engine.FESTIVAL, "voice_kal_diphone", "vkal"),
        new Voice(Engine.FESTIVAL, "voice_ked_diphone", "vked"),
        new Voice(Engine.FESTIVAL, "voice_cmu_us_slt_arctic_hts", "vslt"),
        new Voice(Engine.ESPEAK, "en-us+klatt", "ek1"),
        new Voice(Engine.ESPEAK, "en-us+klatt2", "ek2"),
        new Voice(Engine.ESPEAK, "en-us+klatt3", "ek3"),
        new Voice(Engine.ESPEAK, "en-us+klatt4", "ek4"),
        new Voice(Engine.ESPEAK, "en-gb+klatt5", "ek5"));
  }
}
