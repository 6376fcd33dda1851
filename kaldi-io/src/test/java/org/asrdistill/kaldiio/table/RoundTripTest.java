package org.asrdistill.kaldiio.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every holder type, with empty objects, written and read back in binary and text, by every route. */
class RoundTripTest {
  @TempDir
  Path tmp;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Samples.Case<?> c : Samples.all()) {
      out.add(Arguments.of(c, true));
      out.add(Arguments.of(c, false));
    }
    return out.stream();
  }

  private static <T> Object expected(Samples.Case<T> c, int i, boolean binary) {
    T v = c.values().get(i);
    return binary ? v : c.viaText().apply(v);
  }

  private static void assertSame(Object expected, Object actual, String what) {
    assertTrue(Objects.deepEquals(expected, actual), what + ": expected " + show(expected) + ", got "
        + show(actual));
  }

  private static String show(Object o) {
    if (o instanceof float[]) {
      return java.util.Arrays.toString((float[]) o);
    }
    if (o instanceof double[]) {
      return java.util.Arrays.toString((double[]) o);
    }
    if (o instanceof int[]) {
      return java.util.Arrays.toString((int[]) o);
    }
    return String.valueOf(o);
  }

  private static <T> void write(Samples.Case<T> c, String wspecifier) throws IOException {
    try (TableWriter<T> w = TableWriter.open(wspecifier, c.holder())) {
      for (int i = 0; i < c.values().size(); i++) {
        w.write(Samples.Case.key(i), c.values().get(i));
      }
      assertEquals(c.values().size(), w.count());
      w.commit();
    }
  }

  private static <T> void checkSequential(Samples.Case<T> c, String rspecifier, boolean binary) throws IOException {
    int i = 0;
    try (SequentialTableReader<T> r = SequentialTableReader.open(rspecifier, c.holder())) {
      while (r.next()) {
        assertEquals(Samples.Case.key(i), r.key());
        assertSame(expected(c, i, binary), r.value(), c + " " + r.key() + " via " + rspecifier);
        i++;
      }
    }
    assertEquals(c.values().size(), i, "entries read from " + rspecifier);
  }

  @ParameterizedTest(name = "{0}, binary={1}")
  @MethodSource("cases")
  <T> void archiveRoundTrip(Samples.Case<T> c, boolean binary) throws IOException {
    Path ark = tmp.resolve("a.ark");
    write(c, (binary ? "ark:" : "ark,t:") + ark);
    checkSequential(c, "ark:" + ark, binary);
    // Reading the text form and writing it again as text is a fixed point (text numbers re-read exactly).
    if (!binary) {
      Path again = tmp.resolve("b.ark");
      try (SequentialTableReader<T> r = SequentialTableReader.open("ark:" + ark, c.holder());
           TableWriter<T> w = TableWriter.open("ark,t:" + again, c.holder())) {
        while (r.next()) {
          w.write(r.key(), r.value());
        }
        w.commit();
      }
      if (c.holder() != Holders.COMPRESSED_MATRIX) {
        assertEquals(Files.readString(ark), Files.readString(again));
      }
    }
  }

  @ParameterizedTest(name = "{0}, binary={1}")
  @MethodSource("cases")
  <T> void arkScpReadBackByKeyAndInOrder(Samples.Case<T> c, boolean binary) throws IOException {
    Path ark = tmp.resolve("a.ark");
    Path scp = tmp.resolve("a.scp");
    write(c, (binary ? "ark,scp:" : "ark,scp,t:") + ark + "," + scp);
    List<String> lines = Files.readAllLines(scp);
    assertEquals(c.values().size(), lines.size());
    assertTrue(lines.get(0).startsWith("k00 " + ark + ":"), lines.get(0));
    checkSequential(c, "scp:" + scp, binary);
    try (RandomAccessTableReader<T> r = RandomAccessTableReader.open("scp:" + scp, c.holder())) {
      for (int i = c.values().size() - 1; i >= 0; i--) { // backwards: every lookup seeks
        String k = Samples.Case.key(i);
        assertTrue(r.hasKey(k));
        assertSame(expected(c, i, binary), r.value(k), c + " " + k);
      }
      assertFalse(r.hasKey("missing"));
    }
    // Random access straight on the archive, unsorted and with the s option.
    for (String opts : new String[] {"ark:", "ark,s:", "ark,s,cs:"}) {
      try (RandomAccessTableReader<T> r = RandomAccessTableReader.open(opts + ark, c.holder())) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < c.values().size(); i++) {
          order.add(i);
        }
        if (!opts.contains("cs")) {
          java.util.Collections.reverse(order);
        }
        for (int i : order) {
          assertSame(expected(c, i, binary), r.value(Samples.Case.key(i)), opts + " " + c);
        }
      }
    }
  }
}
