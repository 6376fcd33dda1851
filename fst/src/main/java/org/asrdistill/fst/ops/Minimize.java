package org.asrdistill.fst.ops;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/**
 * Minimization of deterministic weighted acceptors and transducers. The input is trimmed, its weights
 * pushed towards the initial state (when weighted), and states are merged by partition refinement over
 * arcs encoded as (input label, output label, weight quantised by delta, target class), as OpenFst's
 * encoded minimization for transducers.
 */
public final class Minimize {
  private Minimize() {
  }

  /**
   * Returns a new minimal FST equivalent to the deterministic input (deterministic on input labels for an
   * acceptor, on (input, output) label pairs for a transducer; otherwise IllegalArgumentException).
   * Moore-style refinement: O(E log d) per round, at most V rounds, O(V * E log d) worst case (typically a
   * few rounds). Does not modify its input.
   */
  public static VectorFst minimize(Fst fst, double delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("delta must be > 0; got: " + delta);
    }
    checkDeterministic(fst);
    VectorFst work = VectorFst.copyOf(fst);
    Connect.connect(work);
    if (work.numStates() == 0) {
      return work;
    }
    if (isWeighted(work)) {
      work = Push.pushWeights(work, false, false, delta);
    }
    return refineAll(fst, work, delta);
  }

  /**
   * Kaldi's {@code fstminimizeencoded}: merges states by partition refinement over arcs encoded as (input label,
   * output label, weight quantised by delta, target class), without weight pushing and without requiring
   * determinism (a non-deterministic input gives an equivalent, possibly non-minimal result). Same complexity
   * as {@link #minimize}. Does not modify its input.
   */
  public static VectorFst minimizeEncoded(Fst fst, double delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("delta must be > 0; got: " + delta);
    }
    VectorFst work = VectorFst.copyOf(fst);
    Connect.connect(work);
    if (work.numStates() == 0) {
      return work;
    }
    return refineAll(fst, work, delta);
  }

  private static VectorFst refineAll(Fst fst, VectorFst work, double delta) {
    ArcSort.byInput(work);
    int n = work.numStates();
    int[] cls = new int[n];
    int[] next = new int[n];
    int cap = Integer.highestOneBit(Math.max(4, 2 * n - 1)) << 1;
    int[] table = new int[cap];
    long[] hashes = new long[n];
    int numClasses = refine(work, cls, next, table, hashes, delta, true);
    while (true) {
      int k = refine(work, cls, next, table, hashes, delta, false);
      if (k == numClasses) {
        break;
      }
      numClasses = k;
    }
    VectorFst out = new VectorFst(work.semiring());
    out.reserveStates(numClasses);
    for (int c = 0; c < numClasses; c++) {
      out.addState();
    }
    boolean[] done = new boolean[numClasses];
    for (int s = 0; s < n; s++) {
      int c = cls[s];
      if (done[c]) {
        continue;
      }
      done[c] = true;
      out.setFinal(c, work.finalWeight(s));
      for (int a = 0; a < work.numArcs(s); a++) {
        out.addArc(c, work.ilabel(s, a), work.olabel(s, a), work.weight(s, a), cls[work.nextState(s, a)]);
      }
    }
    out.setStart(cls[work.start()]);
    out.setInputSymbols(fst.inputSymbols());
    out.setOutputSymbols(fst.outputSymbols());
    return out;
  }

  /**
   * One round of Moore refinement: states get the same new class iff their signatures (current class, final
   * weight, and per arc: labels, quantised weight, target class) are equal. Allocation-free: an open-addressing
   * table of representative states keyed by a 64-bit signature hash, collisions resolved by comparing the
   * states' arcs. Returns the number of classes; {@code cls} is updated.
   */
  private static int refine(VectorFst f, int[] cls, int[] next, int[] table, long[] hashes, double delta,
      boolean initial) {
    Arrays.fill(table, 0);
    int mask = table.length - 1;
    int classes = 0;
    for (int s = 0; s < cls.length; s++) {
      long h = signatureHash(f, cls, s, delta, initial);
      int slot = (int) (h ^ (h >>> 29)) & mask;
      int found = -1;
      while (table[slot] != 0) {
        int r = table[slot] - 1;
        if (hashes[r] == h && sameSignature(f, cls, r, s, delta, initial)) {
          found = r;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (found >= 0) {
        next[s] = next[found];
      } else {
        table[slot] = s + 1;
        hashes[s] = h;
        next[s] = classes++;
      }
    }
    System.arraycopy(next, 0, cls, 0, cls.length);
    return classes;
  }

  private static long mix(long h, long v) {
    h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
    return h * 0xBF58476D1CE4E5B9L;
  }

  private static long signatureHash(VectorFst f, int[] cls, int s, double delta, boolean initial) {
    long h = mix(17, quantize(f.finalWeight(s), delta));
    if (initial) {
      return h;
    }
    h = mix(h, cls[s]);
    int na = f.numArcs(s);
    h = mix(h, na);
    for (int a = 0; a < na; a++) {
      h = mix(h, ((long) f.ilabel(s, a) << 32) ^ f.olabel(s, a));
      h = mix(h, quantize(f.weight(s, a), delta));
      h = mix(h, cls[f.nextState(s, a)]);
    }
    return h;
  }

  private static boolean sameSignature(VectorFst f, int[] cls, int r, int s, double delta, boolean initial) {
    if (quantize(f.finalWeight(r), delta) != quantize(f.finalWeight(s), delta)) {
      return false;
    }
    if (initial) {
      return true;
    }
    int na = f.numArcs(s);
    if (cls[r] != cls[s] || f.numArcs(r) != na) {
      return false;
    }
    for (int a = 0; a < na; a++) {
      if (f.ilabel(r, a) != f.ilabel(s, a) || f.olabel(r, a) != f.olabel(s, a)
          || quantize(f.weight(r, a), delta) != quantize(f.weight(s, a), delta)
          || cls[f.nextState(r, a)] != cls[f.nextState(s, a)]) {
        return false;
      }
    }
    return true;
  }

  private static long quantize(double w, double delta) {
    return w == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : Math.round(w / delta);
  }

  private static boolean isWeighted(Fst f) {
    for (int s = 0; s < f.numStates(); s++) {
      if (f.finalWeight(s) != Semiring.ONE && f.finalWeight(s) != Semiring.ZERO) {
        return true;
      }
      for (int a = 0; a < f.numArcs(s); a++) {
        if (f.weight(s, a) != Semiring.ONE) {
          return true;
        }
      }
    }
    return false;
  }

  private static void checkDeterministic(Fst f) {
    for (int s = 0; s < f.numStates(); s++) {
      Set<Long> seen = new HashSet<>();
      for (int a = 0; a < f.numArcs(s); a++) {
        long key = ((long) f.ilabel(s, a) << 32) | f.olabel(s, a);
        if (!seen.add(key)) {
          throw new IllegalArgumentException("minimize needs a deterministic input; state " + s
              + " has two arcs labelled " + f.ilabel(s, a) + ":" + f.olabel(s, a) + " (determinize first)");
        }
      }
    }
  }
}
