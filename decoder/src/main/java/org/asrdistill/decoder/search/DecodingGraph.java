package org.asrdistill.decoder.search;

import java.util.Objects;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;

/**
 * An immutable copy of a tropical FST laid out for search: all arcs in one int array (stride 4: input
 * label, output label, weight bits, next state), each state's input-epsilon arcs first, then its emitting
 * arcs. Built once, shared by any number of decoders (and threads). About 16 bytes per arc, 12 per state.
 */
public final class DecodingGraph {
  final int start;
  final int numStates;
  final float[] finals;
  /** Arcs of s: epsilons in [first[s], firstEmitting[s]), emitting in [firstEmitting[s], first[s + 1]). */
  final int[] first;
  final int[] firstEmitting;
  final int[] arcs;
  final int maxIlabel;

  private DecodingGraph(Fst fst) {
    if (fst.semiring() != Semiring.TROPICAL) {
      throw new IllegalArgumentException("decoding graph must use the tropical semiring; got: " + fst.semiring());
    }
    if (fst.start() == Fst.NO_STATE) {
      throw new IllegalArgumentException("decoding graph has no start state");
    }
    numStates = fst.numStates();
    start = fst.start();
    finals = new float[numStates];
    first = new int[numStates + 1];
    firstEmitting = new int[numStates];
    long total = fst.totalArcs();
    if (total > (Integer.MAX_VALUE - 8) / 4) {
      throw new IllegalArgumentException("too many arcs for a decoding graph: " + total);
    }
    arcs = new int[(int) (4 * total)];
    int k = 0;
    int maxIl = 0;
    for (int s = 0; s < numStates; s++) {
      finals[s] = fst.finalWeight(s);
      first[s] = k;
      int n = fst.numArcs(s);
      for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
          firstEmitting[s] = k;
        }
        for (int a = 0; a < n; a++) {
          int il = fst.ilabel(s, a);
          if ((il == 0) == (pass == 0)) {
            int i = 4 * k++;
            arcs[i] = il;
            arcs[i + 1] = fst.olabel(s, a);
            arcs[i + 2] = Float.floatToRawIntBits(fst.weight(s, a));
            arcs[i + 3] = fst.nextState(s, a);
            maxIl = Math.max(maxIl, il);
          }
        }
      }
    }
    first[numStates] = k;
    maxIlabel = maxIl;
  }

  /** Copies {@code fst} (tropical, with a start state) into search layout. O(V + E). */
  public static DecodingGraph of(Fst fst) {
    return new DecodingGraph(Objects.requireNonNull(fst, "fst"));
  }

  public int numStates() {
    return numStates;
  }

  public long numArcs() {
    return first[numStates];
  }

  public int start() {
    return start;
  }

  /** The largest input label (transition-id) on any arc. */
  public int maxInputLabel() {
    return maxIlabel;
  }

  public float finalWeight(int s) {
    return finals[s];
  }
}
