package org.asrdistill.recipes.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpeakerTest {
  @Test
  void planIsDeterministicDisjointAndCoversEveryVoiceInEverySplit() {
    List<Speaker.Assigned> a = Speaker.plan(Voice.builtIn(), 8, 42);
    assertEquals(a, Speaker.plan(Voice.builtIn(), 8, 42));
    Map<Speaker.Split, Set<String>> ids = new EnumMap<>(Speaker.Split.class);
    Map<Speaker.Split, Set<String>> voices = new EnumMap<>(Speaker.Split.class);
    for (Speaker.Assigned s : a) {
      assertTrue(ids.computeIfAbsent(s.split(), k -> new HashSet<>()).add(s.speaker().id()));
      voices.computeIfAbsent(s.split(), k -> new HashSet<>()).add(s.speaker().voice().id());
      assertTrue(s.speaker().tempo() >= 0.9 && s.speaker().tempo() <= 1.1);
      assertTrue(s.speaker().snrDb() >= 10 && s.speaker().snrDb() <= 30);
    }
    Set<String> all = new HashSet<>();
    ids.values().forEach(all::addAll);
    assertEquals(a.size(), all.size(), "speaker ids are unique across splits");
    for (Speaker.Split s : Speaker.Split.values()) {
      assertEquals(Voice.builtIn().size(), voices.get(s).size(), "every voice appears in " + s);
    }
    assertEquals(6 * Voice.builtIn().size(), ids.get(Speaker.Split.TRAIN).size());
  }

  @Test
  void rejectsTooFewSpeakersPerVoice() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Speaker.plan(Voice.builtIn(), 2, 1));
    assertTrue(e.getMessage().contains("got: 2"));
  }
}
