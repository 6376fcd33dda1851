package org.asrdistill.decoder.align;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asrdistill.fst.Fst;

/**
 * Kaldi's {@code align-equal-compiled} on a training graph: a path to a final state with the fewest emitting
 * (non-epsilon input) arcs, excluding self-loops, is found (0-1 breadth-first search); the frames beyond one per
 * emitting arc are shared equally among the path's states that carry a self-loop, as repetitions of that
 * self-loop's input label right after the arc entering the state (earlier states take the remainder). The
 * result has exactly {@code numFrames} labels, or is null when the graph has no such path.
 */
public final class EqualAlign {
  private EqualAlign() {
  }

  public static int[] align(Fst g, int numFrames) {
    int n = g.numStates();
    if (g.start() < 0 || numFrames <= 0) {
      return null;
    }
    int[] dist = new int[n];
    int[] fromState = new int[n];
    int[] fromArc = new int[n];
    Arrays.fill(dist, Integer.MAX_VALUE);
    dist[g.start()] = 0;
    fromState[g.start()] = -1;
    ArrayDeque<Integer> q = new ArrayDeque<>();
    q.add(g.start());
    int best = -1;
    while (!q.isEmpty()) {
      int s = q.pollFirst();
      if (g.isFinal(s) && (best < 0 || dist[s] < dist[best])) {
        best = s;
      }
      for (int a = 0; a < g.numArcs(s); a++) {
        int t = g.nextState(s, a);
        if (t == s) {
          continue;
        }
        int d = dist[s] + (g.ilabel(s, a) == Fst.EPSILON ? 0 : 1);
        if (d < dist[t]) {
          dist[t] = d;
          fromState[t] = s;
          fromArc[t] = a;
          if (g.ilabel(s, a) == Fst.EPSILON) {
            q.addFirst(t);
          } else {
            q.addLast(t);
          }
        }
      }
    }
    if (best < 0 || dist[best] > numFrames) {
      return null;
    }
    List<int[]> path = new ArrayList<>(); // {label, state entered}
    for (int s = best; fromState[s] >= 0; s = fromState[s]) {
      path.add(0, new int[] {g.ilabel(fromState[s], fromArc[s]), s});
    }
    List<Integer> loops = new ArrayList<>(); // indices into path of emitting arcs whose state has a self-loop
    int[] loopLabel = new int[path.size()];
    for (int i = 0; i < path.size(); i++) {
      int s = path.get(i)[1];
      if (path.get(i)[0] == Fst.EPSILON) {
        continue;
      }
      for (int a = 0; a < g.numArcs(s); a++) {
        if (g.nextState(s, a) == s && g.ilabel(s, a) != Fst.EPSILON) {
          loopLabel[i] = g.ilabel(s, a);
          loops.add(i);
          break;
        }
      }
    }
    int extra = numFrames - dist[best];
    if (extra > 0 && loops.isEmpty()) {
      return null;
    }
    int[] repeats = new int[path.size()];
    for (int k = 0; k < loops.size(); k++) {
      repeats[loops.get(k)] = extra / loops.size() + (k < extra % loops.size() ? 1 : 0);
    }
    int[] out = new int[numFrames];
    int j = 0;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i)[0] == Fst.EPSILON) {
        continue;
      }
      out[j++] = path.get(i)[0];
      for (int r = 0; r < repeats[i]; r++) {
        out[j++] = loopLabel[i];
      }
    }
    return out;
  }
}
