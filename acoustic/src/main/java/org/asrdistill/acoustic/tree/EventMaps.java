package org.asrdistill.acoustic.tree;

import java.util.TreeSet;
import java.util.function.IntFunction;
import org.asrdistill.hmm.tree.EventMap;

/** Structural operations on {@link EventMap}s used by tree building (Kaldi's {@code Copy(new_leaves)}, renumbering). */
final class EventMaps {
  private EventMaps() {
  }

  /** The map with each leaf replaced by {@code f.apply(leaf)}, or kept when that returns null. */
  static EventMap replaceLeaves(EventMap m, IntFunction<EventMap> f) {
    if (m instanceof EventMap.Constant c) {
      EventMap r = c.answer() >= 0 ? f.apply(c.answer()) : null;
      return r != null ? r : c;
    } else if (m instanceof EventMap.Table t) {
      EventMap[] children = new EventMap[t.size()];
      for (int v = 0; v < children.length; v++) {
        EventMap ch = t.child(v);
        children[v] = ch == null ? null : replaceLeaves(ch, f);
      }
      return new EventMap.Table(t.key(), children);
    } else {
      EventMap.Split s = (EventMap.Split) m;
      return new EventMap.Split(s.key(), s.yesSet(), replaceLeaves(s.yes(), f), replaceLeaves(s.no(), f));
    }
  }

  /** The map with leaves numbered 0..k-1 in the order of their old numbers (Kaldi's {@code RenumberEventMap}). */
  static EventMap renumber(EventMap m) {
    TreeSet<Integer> leaves = new TreeSet<>();
    m.multiMap(new int[0], leaves::add);
    java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
    for (int leaf : leaves) {
      index.put(leaf, index.size());
    }
    return replaceLeaves(m, leaf -> new EventMap.Constant(index.get(leaf)));
  }

  /** Number of distinct leaves. */
  static int numLeaves(EventMap m) {
    TreeSet<Integer> leaves = new TreeSet<>();
    m.multiMap(new int[0], leaves::add);
    return leaves.size();
  }
}
