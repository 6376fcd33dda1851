package org.asrdistill.acoustic.tree;

import java.util.Arrays;
import org.asrdistill.hmm.tree.EventMap;

/**
 * Kaldi's {@code EventType}: (key, value) pairs sorted by key (key -1 is the pdf class, keys 0..N-1 the
 * phones of the context window). Ordered as Kaldi orders its vectors of pairs. Immutable.
 */
public final class Event implements Comparable<Event> {
  private final int[] keys;
  private final int[] values;

  public Event(int[] keys, int[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("keys and values differ in length: " + keys.length + " vs " + values.length);
    }
    for (int i = 1; i < keys.length; i++) {
      if (keys[i] <= keys[i - 1]) {
        throw new IllegalArgumentException("event keys must be sorted and unique; got: " + Arrays.toString(keys));
      }
    }
    if (keys.length > 0 && keys[0] < -1) {
      throw new IllegalArgumentException("event keys must be >= -1; got: " + keys[0]);
    }
    this.keys = keys.clone();
    this.values = values.clone();
  }

  public int size() {
    return keys.length;
  }

  public int key(int i) {
    return keys[i];
  }

  public int value(int i) {
    return values[i];
  }

  /** The value of {@code key}, or {@link EventMap#ABSENT}. */
  public int lookup(int key) {
    int i = Arrays.binarySearch(keys, key);
    return i >= 0 ? values[i] : EventMap.ABSENT;
  }

  /** The event in {@link EventMap}'s array form (index key + 1). */
  public int[] toArray() {
    int max = keys.length == 0 ? -1 : keys[keys.length - 1];
    int[] a = new int[max + 2];
    Arrays.fill(a, EventMap.ABSENT);
    for (int i = 0; i < keys.length; i++) {
      a[keys[i] + 1] = values[i];
    }
    return a;
  }

  @Override
  public int compareTo(Event o) {
    int n = Math.min(keys.length, o.keys.length);
    for (int i = 0; i < n; i++) {
      if (keys[i] != o.keys[i]) {
        return Integer.compare(keys[i], o.keys[i]);
      }
      if (values[i] != o.values[i]) {
        return Integer.compare(values[i], o.values[i]);
      }
    }
    return Integer.compare(keys.length, o.keys.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event e && Arrays.equals(e.keys, keys) && Arrays.equals(e.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < keys.length; i++) {
      sb.append(i == 0 ? "" : " ").append(keys[i]).append(':').append(values[i]);
    }
    return sb.append(']').toString();
  }
}
