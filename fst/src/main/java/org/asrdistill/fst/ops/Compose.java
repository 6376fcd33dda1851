package org.asrdistill.fst.ops;

import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/**
 * Composition A o B with OpenFst's epsilon-sequencing filter: on a run of epsilons, A's output-epsilon
 * moves come before B's input-epsilon moves (filter state 0 allows both, 1 only B's), so each path of the
 * result corresponds to exactly one pair of paths. Arcs are matched on sorted labels: A's arcs sorted by
 * output label, B's by input label (sorted copies are made only when an input is not already sorted); at
 * each state pair the side with fewer arcs is scanned and each label is looked up in the other side by
 * binary search, which suits large lexicon o grammar compositions where one side has thousands of arcs.
 */
public final class Compose {
  /** Options: whether to trim the result (OpenFst's {@code --connect}, default true). */
  public record Options(boolean connect) {
    public static Options defaults() {
      return new Options(true);
    }
  }

  private Compose() {
  }

  /**
   * Returns the new FST A o B (input symbols of A, output symbols of B); both must use the same semiring.
   * O(V_r * min(d_A, d_B) * log max(d_A, d_B) + E_r) for V_r result states, E_r result arcs and
   * out-degrees d, plus O(E log d) to sort unsorted inputs. Does not modify its inputs.
   */
  public static VectorFst compose(Fst a, Fst b, Options opt) {
    if (a.semiring() != b.semiring()) {
      throw new IllegalArgumentException("composition needs one semiring; got: " + a.semiring() + " and "
          + b.semiring());
    }
    Fst fa = sorted(a, true);
    Fst fb = sorted(b, false);
    Semiring sr = a.semiring();
    VectorFst out = new VectorFst(sr);
    out.setInputSymbols(a.inputSymbols());
    out.setOutputSymbols(b.outputSymbols());
    if (fa.start() < 0 || fb.start() < 0) {
      return out;
    }
    long n2 = fb.numStates();
    LongIntMap ids = new LongIntMap(1024);
    IntList s1 = new IntList();
    IntList s2 = new IntList();
    IntList filt = new IntList();
    out.setStart(state(ids, out, s1, s2, filt, fa.start(), fb.start(), 0, n2));
    for (int q = 0; q < out.numStates(); q++) {
      int p1 = s1.get(q);
      int p2 = s2.get(q);
      int f = filt.get(q);
      float f1 = fa.finalWeight(p1);
      float f2 = fb.finalWeight(p2);
      if (f1 != Semiring.ZERO && f2 != Semiring.ZERO) {
        out.setFinal(q, (float) sr.times(f1, f2));
      }
      int na = fa.numArcs(p1);
      int nb = fb.numArcs(p2);
      int epsA = countLeading(fa, p1, true);
      int epsB = countLeading(fb, p2, false);
      // A moves alone on output epsilons (only in filter state 0).
      if (f == 0) {
        for (int i = 0; i < epsA; i++) {
          int t = state(ids, out, s1, s2, filt, fa.nextState(p1, i), p2, 0, n2);
          out.addArc(q, fa.ilabel(p1, i), Fst.EPSILON, fa.weight(p1, i), t);
        }
      }
      // B moves alone on input epsilons: blocked if all of A's arcs are output epsilons and A is not final.
      boolean allEps1 = epsA == na && f1 == Semiring.ZERO;
      if (!allEps1) {
        int nf = epsA == 0 ? 0 : 1;
        for (int j = 0; j < epsB; j++) {
          int t = state(ids, out, s1, s2, filt, p1, fb.nextState(p2, j), nf, n2);
          out.addArc(q, Fst.EPSILON, fb.olabel(p2, j), fb.weight(p2, j), t);
        }
      }
      // Matching non-epsilon labels.
      if (na - epsA <= nb - epsB) {
        for (int i = epsA; i < na; i++) {
          int label = fa.olabel(p1, i);
          for (int j = lowerBound(fb, p2, epsB, nb, label, false); j < nb && fb.ilabel(p2, j) == label; j++) {
            match(out, ids, s1, s2, filt, q, fa, p1, i, fb, p2, j, n2, sr);
          }
        }
      } else {
        for (int j = epsB; j < nb; j++) {
          int label = fb.ilabel(p2, j);
          for (int i = lowerBound(fa, p1, epsA, na, label, true); i < na && fa.olabel(p1, i) == label; i++) {
            match(out, ids, s1, s2, filt, q, fa, p1, i, fb, p2, j, n2, sr);
          }
        }
      }
    }
    if (opt.connect()) {
      Connect.connect(out);
    }
    return out;
  }

  private static void match(VectorFst out, LongIntMap ids, IntList s1, IntList s2, IntList filt, int q,
      Fst fa, int p1, int i, Fst fb, int p2, int j, long n2, Semiring sr) {
    int t = state(ids, out, s1, s2, filt, fa.nextState(p1, i), fb.nextState(p2, j), 0, n2);
    out.addArc(q, fa.ilabel(p1, i), fb.olabel(p2, j), (float) sr.times(fa.weight(p1, i), fb.weight(p2, j)), t);
  }

  private static int state(LongIntMap ids, VectorFst out, IntList s1, IntList s2, IntList filt, int p1, int p2,
      int f, long n2) {
    long key = ((long) p1 * n2 + p2) * 2 + f;
    int id = ids.get(key);
    if (id < 0) {
      id = out.addState();
      ids.put(key, id);
      s1.add(p1);
      s2.add(p2);
      filt.add(f);
    }
    return id;
  }

  private static int countLeading(Fst f, int s, boolean output) {
    int n = f.numArcs(s);
    int k = 0;
    while (k < n && (output ? f.olabel(s, k) : f.ilabel(s, k)) == Fst.EPSILON) {
      k++;
    }
    return k;
  }

  private static int lowerBound(Fst f, int s, int lo, int hi, int label, boolean output) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int l = output ? f.olabel(s, mid) : f.ilabel(s, mid);
      if (l < label) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The FST itself if its arcs are already sorted on the given side, else a sorted copy. */
  static Fst sorted(Fst f, boolean byOutput) {
    for (int s = 0; s < f.numStates(); s++) {
      for (int a = 1; a < f.numArcs(s); a++) {
        int prev = byOutput ? f.olabel(s, a - 1) : f.ilabel(s, a - 1);
        int cur = byOutput ? f.olabel(s, a) : f.ilabel(s, a);
        if (prev > cur) {
          VectorFst copy = VectorFst.copyOf(f);
          if (byOutput) {
            ArcSort.byOutput(copy);
          } else {
            ArcSort.byInput(copy);
          }
          return copy;
        }
      }
    }
    return f;
  }

  /** Growable int array. */
  static final class IntList {
    private int[] v = new int[64];
    private int n;

    void add(int x) {
      if (n == v.length) {
        v = java.util.Arrays.copyOf(v, 2 * n);
      }
      v[n++] = x;
    }

    int get(int i) {
      return v[i];
    }

    int size() {
      return n;
    }
  }
}
