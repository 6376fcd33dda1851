package org.asrdistill.hmm.tree;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/**
 * Kaldi's {@code EventMap}: a decision tree from events (key/value pairs) to integer answers, with its
 * three node types {@code CE} ({@link Constant}), {@code TE} ({@link Table}) and {@code SE} ({@link Split})
 * and their text and binary forms.
 *
 * <p>An event is an int array indexed by {@code key + 1} (so key -1, the pdf class, is element 0), holding
 * the value or {@link #ABSENT}. Immutable.
 */
public sealed interface EventMap permits EventMap.Constant, EventMap.Table, EventMap.Split {
  /** Value of a key that is not in the event. */
  int ABSENT = Integer.MIN_VALUE;
  /** Result of {@link #map} when the tree has no answer. */
  int NO_ANSWER = Integer.MIN_VALUE;

  /** The answer for {@code event}, or {@link #NO_ANSWER}. */
  int map(int[] event);

  /** Every answer reachable when keys absent from {@code event} may take any value (Kaldi's MultiMap). */
  void multiMap(int[] event, IntConsumer answers);

  /** Writes in Kaldi's format. */
  void write(KaldiOutput out, boolean binary) throws IOException;

  /** Largest answer reachable, or {@link Integer#MIN_VALUE} if none. */
  default int maxResult() {
    int[] max = {Integer.MIN_VALUE};
    multiMap(new int[0], a -> max[0] = Math.max(max[0], a));
    return max[0];
  }

  private static int lookup(int[] event, int key) {
    int i = key + 1;
    return i >= 0 && i < event.length ? event[i] : ABSENT;
  }

  /** Writes a possibly-null map ({@code NULL}), as Kaldi's static {@code EventMap::Write}. */
  static void write(KaldiOutput out, boolean binary, EventMap map) throws IOException {
    if (map == null) {
      out.writeToken("NULL");
    } else {
      map.write(out, binary);
    }
  }

  /** Reads a map or {@code NULL} (returned as null), as Kaldi's {@code EventMap::Read}. */
  static EventMap read(KaldiInput in, boolean binary) throws IOException {
    return read(in, binary, 0);
  }

  private static EventMap read(KaldiInput in, boolean binary, int depth) throws IOException {
    if (depth > 10_000) {
      throw in.error("event map nested deeper than 10000 levels (corrupt input?)");
    }
    int c = KaldiObjects.peek(in, binary);
    long at = in.offset();
    switch (c) {
      case 'N' -> {
        in.expectToken("NULL");
        return null;
      }
      case 'C' -> {
        in.expectToken("CE");
        return new Constant(KaldiObjects.readInt(in, binary, "CE answer"));
      }
      case 'T' -> {
        in.expectToken("TE");
        int key = KaldiObjects.readInt(in, binary, "TE key");
        int size = KaldiObjects.readUint32(in, binary, "TE size");
        if (size > 1 << 24) {
          throw in.error(at, "TE table size " + size + " is too large");
        }
        in.expectToken("(");
        EventMap[] table = new EventMap[size];
        for (int i = 0; i < size; i++) {
          table[i] = read(in, binary, depth + 1);
        }
        in.expectToken(")");
        return new Table(key, table);
      }
      case 'S' -> {
        in.expectToken("SE");
        int key = KaldiObjects.readInt(in, binary, "SE key");
        int[] yes = KaldiObjects.readIntVector(in, binary, "SE yes-set");
        for (int i = 1; i < yes.length; i++) {
          if (yes[i] <= yes[i - 1]) {
            throw in.error(at, "SE yes-set is not sorted and unique");
          }
        }
        in.expectToken("{");
        EventMap y = read(in, binary, depth + 1);
        EventMap n = read(in, binary, depth + 1);
        in.expectToken("}");
        if (y == null || n == null) {
          throw in.error(at, "SE with a NULL branch");
        }
        return new Split(key, yes, y, n);
      }
      default -> throw in.error("expected an event map (CE, TE, SE or NULL), found "
          + (c < 0 ? "end of input" : "'" + KaldiInput.abbreviate(String.valueOf((char) c)) + "'"));
    }
  }

  /** {@code CE answer}: a leaf. */
  record Constant(int answer) implements EventMap {
    @Override
    public int map(int[] event) {
      return answer;
    }

    @Override
    public void multiMap(int[] event, IntConsumer answers) {
      answers.accept(answer);
    }

    @Override
    public void write(KaldiOutput out, boolean binary) throws IOException {
      out.writeToken("CE");
      KaldiObjects.writeInt(out, binary, answer);
    }
  }

  /** {@code TE key size ( ... )}: a table indexed by the value of {@code key}; entries may be null. */
  final class Table implements EventMap {
    private final int key;
    private final EventMap[] table;

    public Table(int key, EventMap[] table) {
      this.key = key;
      this.table = table.clone();
    }

    public int key() {
      return key;
    }

    public int size() {
      return table.length;
    }

    /** The child for {@code value}, or null. */
    public EventMap child(int value) {
      return value >= 0 && value < table.length ? table[value] : null;
    }

    @Override
    public int map(int[] event) {
      int v = lookup(event, key);
      if (v != ABSENT && v >= 0 && v < table.length && table[v] != null) {
        return table[v].map(event);
      }
      return NO_ANSWER;
    }

    @Override
    public void multiMap(int[] event, IntConsumer answers) {
      int v = lookup(event, key);
      if (v != ABSENT) {
        if (v >= 0 && v < table.length && table[v] != null) {
          table[v].multiMap(event, answers);
        }
      } else {
        for (EventMap m : table) {
          if (m != null) {
            m.multiMap(event, answers);
          }
        }
      }
    }

    @Override
    public void write(KaldiOutput out, boolean binary) throws IOException {
      out.writeToken("TE");
      KaldiObjects.writeInt(out, binary, key);
      KaldiObjects.writeUint32(out, binary, table.length);
      out.writeToken("(");
      for (EventMap m : table) {
        EventMap.write(out, binary, m);
      }
      out.writeToken(")");
      if (!binary) {
        out.writeText("\n");
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Table t && t.key == key && Arrays.equals(t.table, table);
    }

    @Override
    public int hashCode() {
      return 31 * key + Arrays.hashCode(table);
    }

    @Override
    public String toString() {
      return "TE " + key + " " + Arrays.toString(table);
    }
  }

  /** {@code SE key [ yes-set ] { yes no }}: a binary question "is the value of key in yes-set?". */
  final class Split implements EventMap {
    private final int key;
    private final int[] yesSet;
    private final EventMap yes;
    private final EventMap no;

    public Split(int key, int[] yesSet, EventMap yes, EventMap no) {
      this.key = key;
      this.yesSet = yesSet.clone();
      this.yes = Objects.requireNonNull(yes, "yes");
      this.no = Objects.requireNonNull(no, "no");
      for (int i = 1; i < yesSet.length; i++) {
        if (yesSet[i] <= yesSet[i - 1]) {
          throw new IllegalArgumentException("yesSet must be sorted and unique; got: " + Arrays.toString(yesSet));
        }
      }
    }

    public int key() {
      return key;
    }

    public int[] yesSet() {
      return yesSet.clone();
    }

    public EventMap yes() {
      return yes;
    }

    public EventMap no() {
      return no;
    }

    @Override
    public int map(int[] event) {
      int v = lookup(event, key);
      if (v == ABSENT) {
        return NO_ANSWER;
      }
      return Arrays.binarySearch(yesSet, v) >= 0 ? yes.map(event) : no.map(event);
    }

    @Override
    public void multiMap(int[] event, IntConsumer answers) {
      int v = lookup(event, key);
      if (v != ABSENT) {
        (Arrays.binarySearch(yesSet, v) >= 0 ? yes : no).multiMap(event, answers);
      } else {
        yes.multiMap(event, answers);
        no.multiMap(event, answers);
      }
    }

    @Override
    public void write(KaldiOutput out, boolean binary) throws IOException {
      out.writeToken("SE");
      KaldiObjects.writeInt(out, binary, key);
      KaldiObjects.writeIntVector(out, binary, yesSet);
      out.writeToken("{");
      yes.write(out, binary);
      no.write(out, binary);
      out.writeToken("}");
      if (!binary) {
        out.writeText("\n");
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Split s && s.key == key && Arrays.equals(s.yesSet, yesSet) && s.yes.equals(yes)
          && s.no.equals(no);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, Arrays.hashCode(yesSet), yes, no);
    }

    @Override
    public String toString() {
      return "SE " + key + " " + Arrays.toString(yesSet) + " {" + yes + " " + no + "}";
    }
  }
}
