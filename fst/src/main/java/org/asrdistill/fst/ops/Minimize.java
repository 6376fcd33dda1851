package org.asrdistill.fst.ops;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
    int numClasses = refine(work, cls, delta, true);
    while (true) {
      int next = refine(work, cls, delta, false);
      if (next == numClasses) {
        break;
      }
      numClasses = next;
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

  private static int refine(VectorFst f, int[] cls, double delta, boolean initial) {
    Map<Sig, Integer> ids = new HashMap<>();
    int[] next = new int[cls.length];
    for (int s = 0; s < cls.length; s++) {
      long[] sig;
      if (initial) {
        sig = new long[] {quantize(f.finalWeight(s), delta)};
      } else {
        int na = f.numArcs(s);
        sig = new long[2 + 4 * na];
        sig[0] = cls[s];
        sig[1] = quantize(f.finalWeight(s), delta);
        for (int a = 0; a < na; a++) {
          sig[2 + 4 * a] = f.ilabel(s, a);
          sig[3 + 4 * a] = f.olabel(s, a);
          sig[4 + 4 * a] = quantize(f.weight(s, a), delta);
          sig[5 + 4 * a] = cls[f.nextState(s, a)];
        }
      }
      Sig key = new Sig(sig);
      Integer id = ids.get(key);
      if (id == null) {
        id = ids.size();
        ids.put(key, id);
      }
      next[s] = id;
    }
    System.arraycopy(next, 0, cls, 0, cls.length);
    return ids.size();
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

  private static final class Sig {
    private final long[] v;
    private final int hash;

    Sig(long[] v) {
      this.v = v;
      this.hash = Arrays.hashCode(v);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sig && ((Sig) o).hash == hash && Arrays.equals(((Sig) o).v, v);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
