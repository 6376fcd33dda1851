package org.asrdistill.fst.ops;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;

/**
 * Weighted subset determinization (Mohri) of acceptors and functional transducers, in the tropical and
 * log semirings. A subset element is (state, residual output string, residual weight); arcs of a new state
 * carry the semiring sum of the weights and the longest common prefix of the output strings (a prefix of
 * several symbols becomes a chain of arcs with epsilon input, and a residual string at a final subset a
 * chain to a new final state, like OpenFst's factoring of gallic weights). Subsets are identified with
 * weights quantised by {@code delta}.
 *
 * <p>Work is bounded by {@link Options#maxWork()} (arcs examined) and {@link Options#maxStates()}: on a
 * non-determinizable input (cyclic, twins property failing) the operation fails with an
 * IllegalStateException instead of running forever. Complexity: O(W log W) for W arcs examined, which is
 * exponential in V in the worst case. Never modifies its input.
 */
public final class Determinize {
  /** Options: quantisation delta, budget on arcs examined, budget on output states. */
  public record Options(double delta, long maxWork, int maxStates) {
    public Options {
      if (!(delta > 0)) {
        throw new IllegalArgumentException("delta must be > 0; got: " + delta);
      }
      if (maxWork <= 0) {
        throw new IllegalArgumentException("maxWork must be > 0; got: " + maxWork);
      }
      if (maxStates <= 0) {
        throw new IllegalArgumentException("maxStates must be > 0; got: " + maxStates);
      }
    }

    public static Options defaults() {
      return new Options(Semiring.DEFAULT_DELTA, 500_000_000L, 50_000_000);
    }
  }

  private Determinize() {
  }

  /**
   * OpenFst's Determinize: epsilon input labels are treated as ordinary symbols. The input must be an
   * acceptor or a functional transducer. Returns a new FST.
   */
  public static VectorFst determinize(Fst fst, Options opt) {
    return new Worker(fst, opt, false).run();
  }

  /**
   * Kaldi's DeterminizeStar: removes input epsilons while determinizing, so the result has no two arcs with
   * the same input label leaving a state and input epsilons only on chains that emit output strings.
   * Fails if the input is not functional or an epsilon cycle does not converge. Returns a new FST.
   */
  public static VectorFst determinizeStar(Fst fst, Options opt) {
    return new Worker(fst, opt, true).run();
  }

  private static final class Worker {
    private final Fst fst;
    private final Options opt;
    private final boolean star;
    private final boolean acceptor;
    private final Semiring sr;
    private final VectorFst out;
    private final Map<Key, Integer> subsetIds = new HashMap<>();
    private final ArrayDeque<Subset> queue = new ArrayDeque<>();
    /** Per input state: 1 if it has an input-epsilon arc, 2 if it is final or has a non-epsilon input arc. */
    private final byte[] epsInfo;
    private long work;

    Worker(Fst fst, Options opt, boolean star) {
      this.fst = fst;
      this.opt = opt;
      this.star = star;
      this.sr = fst.semiring();
      this.out = new VectorFst(sr);
      boolean acc = true;
      for (int s = 0; s < fst.numStates() && acc; s++) {
        for (int a = 0; a < fst.numArcs(s) && acc; a++) {
          acc = fst.ilabel(s, a) == fst.olabel(s, a);
        }
      }
      this.acceptor = acc;
      epsInfo = new byte[fst.numStates()];
      for (int q = 0; q < fst.numStates(); q++) {
        int f = fst.isFinal(q) ? 2 : 0;
        for (int a = 0; a < fst.numArcs(q); a++) {
          f |= fst.ilabel(q, a) == Fst.EPSILON ? 1 : 2;
        }
        epsInfo[q] = (byte) f;
      }
    }

    VectorFst run() {
      out.setInputSymbols(fst.inputSymbols());
      out.setOutputSymbols(fst.outputSymbols());
      if (fst.start() < 0) {
        return out;
      }
      Subset start = new Subset(new int[] {fst.start()}, new int[][] {new int[0]}, new double[] {Semiring.ONE});
      if (star) {
        start = filter(closure(start));
      }
      out.setStart(idOf(start));
      while (!queue.isEmpty()) {
        expand(queue.poll());
      }
      return out;
    }

    private int idOf(Subset s) {
      Key k = new Key(s, opt.delta());
      Integer id = subsetIds.get(k);
      if (id == null) {
        if (out.numStates() >= opt.maxStates()) {
          throw budget("its state budget of " + opt.maxStates());
        }
        id = out.addState();
        subsetIds.put(k, id);
        s.id = id;
        queue.add(s);
      }
      return id;
    }

    private IllegalStateException budget(String what) {
      return new IllegalStateException(String.format(Locale.ROOT, "determinization exceeded %s after %d output "
          + "states and %d arcs examined; the input may not be determinizable (a cyclic weighted FST whose "
          + "twins property fails) or needs a larger budget", what, out.numStates(), work));
    }

    private void countWork() {
      if (++work > opt.maxWork()) {
        throw budget("its work budget of " + opt.maxWork() + " arcs examined");
      }
    }

    private void expand(Subset s) {
      int id = s.id;
      double fw = Double.POSITIVE_INFINITY;
      int[] fstr = null;
      for (int i = 0; i < s.size(); i++) {
        float f = fst.finalWeight(s.states[i]);
        if (f != Semiring.ZERO) {
          if (fstr != null && !Arrays.equals(fstr, s.strings[i])) {
            throw notFunctional(s.states[i], fstr, s.strings[i]);
          }
          fstr = s.strings[i];
          fw = sr.plus(fw, sr.times(s.weights[i], f));
        }
      }
      if (fstr != null) {
        if (fstr.length == 0) {
          out.setFinal(id, (float) fw);
        } else {
          int fin = out.addState();
          out.setFinal(fin, Semiring.ONE);
          chain(id, Fst.EPSILON, fstr, fw, fin);
        }
      }
      // Gather (label, element, arc) triples sorted by label.
      int total = 0;
      for (int i = 0; i < s.size(); i++) {
        total += fst.numArcs(s.states[i]);
      }
      long[] keys = new long[total];
      int[] elem = new int[total];
      int[] arc = new int[total];
      int m = 0;
      for (int i = 0; i < s.size(); i++) {
        int q = s.states[i];
        for (int a = 0; a < fst.numArcs(q); a++) {
          countWork();
          int il = fst.ilabel(q, a);
          if (star && il == Fst.EPSILON) {
            continue;
          }
          keys[m] = ((long) il << 32) | m;
          elem[m] = i;
          arc[m] = a;
          m++;
        }
      }
      long[] sorted = Arrays.copyOf(keys, m);
      Arrays.sort(sorted);
      int g = 0;
      while (g < m) {
        int label = (int) (sorted[g] >>> 32);
        int e = g;
        while (e < m && (int) (sorted[e] >>> 32) == label) {
          e++;
        }
        int[] st = new int[e - g];
        int[][] str = new int[e - g][];
        double[] w = new double[e - g];
        for (int k = g; k < e; k++) {
          int idx = (int) sorted[k];
          int i = elem[idx];
          int q = s.states[i];
          int a = arc[idx];
          st[k - g] = fst.nextState(q, a);
          str[k - g] = append(s.strings[i], fst.olabel(q, a));
          w[k - g] = sr.times(s.weights[i], fst.weight(q, a));
        }
        Subset next = merge(st, str, w);
        if (star) {
          next = filter(closure(next));
        }
        if (next.size() > 0) {
          double total2 = Double.POSITIVE_INFINITY;
          int[] prefix = next.strings[0];
          int plen = prefix.length;
          for (int i = 0; i < next.size(); i++) {
            total2 = sr.plus(total2, next.weights[i]);
            plen = Math.min(plen, commonPrefix(prefix, next.strings[i], plen));
          }
          int[] p = Arrays.copyOf(prefix, plen);
          for (int i = 0; i < next.size(); i++) {
            next.weights[i] = sr.divide(next.weights[i], total2);
            next.strings[i] = Arrays.copyOfRange(next.strings[i], plen, next.strings[i].length);
          }
          int target = idOf(next);
          if (acceptor) {
            out.addArc(id, label, label, (float) total2, target);
          } else {
            chain(id, label, p, total2, target);
          }
        }
        g = e;
      }
    }

    private void chain(int from, int ilabel, int[] outs, double w, int to) {
      if (outs.length <= 1) {
        out.addArc(from, ilabel, outs.length == 0 ? Fst.EPSILON : outs[0], (float) w, to);
        return;
      }
      int cur = from;
      for (int k = 0; k < outs.length; k++) {
        int nxt = k == outs.length - 1 ? to : out.addState();
        out.addArc(cur, k == 0 ? ilabel : Fst.EPSILON, outs[k], k == 0 ? (float) w : Semiring.ONE, nxt);
        cur = nxt;
      }
    }

    private int[] append(int[] s, int label) {
      if (acceptor || label == Fst.EPSILON) {
        return s;
      }
      int[] r = Arrays.copyOf(s, s.length + 1);
      r[s.length] = label;
      return r;
    }

    private static int commonPrefix(int[] a, int[] b, int limit) {
      int k = 0;
      while (k < limit && k < b.length && a[k] == b[k]) {
        k++;
      }
      return k;
    }

    /** Sorts by state and merges duplicates (same state: strings must agree; weights are summed). */
    private Subset merge(int[] st, int[][] str, double[] w) {
      long[] order = new long[st.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = ((long) st[i] << 32) | i;
      }
      Arrays.sort(order);
      int[] ms = new int[st.length];
      int[][] mstr = new int[st.length][];
      double[] mw = new double[st.length];
      int n = 0;
      for (int k = 0; k < order.length; k++) {
        int i = (int) order[k];
        if (n > 0 && ms[n - 1] == st[i]) {
          if (!Arrays.equals(mstr[n - 1], str[i])) {
            throw notFunctional(st[i], mstr[n - 1], str[i]);
          }
          mw[n - 1] = sr.plus(mw[n - 1], w[i]);
        } else {
          ms[n] = st[i];
          mstr[n] = str[i];
          mw[n] = w[i];
          n++;
        }
      }
      return new Subset(Arrays.copyOf(ms, n), Arrays.copyOf(mstr, n), Arrays.copyOf(mw, n));
    }

    /** Input-epsilon closure (generic shortest distance over input-epsilon arcs; strings must agree). */
    private Subset closure(Subset s) {
      boolean anyEps = false;
      for (int i = 0; i < s.size() && !anyEps; i++) {
        anyEps = (epsInfo[s.states[i]] & 1) != 0;
      }
      if (!anyEps) {
        return s;
      }
      Map<Integer, Integer> index = new HashMap<>();
      int cap = Math.max(4, s.size() * 2);
      int[] st = new int[cap];
      int[][] str = new int[cap][];
      double[] w = new double[cap];
      double[] r = new double[cap];
      int n = 0;
      ArrayDeque<Integer> q = new ArrayDeque<>();
      for (int i = 0; i < s.size(); i++) {
        st[n] = s.states[i];
        str[n] = s.strings[i];
        w[n] = s.weights[i];
        r[n] = s.weights[i];
        index.put(st[n], n);
        q.add(n);
        n++;
      }
      while (!q.isEmpty()) {
        int i = q.poll();
        double ri = r[i];
        r[i] = Double.POSITIVE_INFINITY;
        int p = st[i];
        for (int a = 0; a < fst.numArcs(p); a++) {
          if (fst.ilabel(p, a) != Fst.EPSILON) {
            continue;
          }
          countWork();
          int t = fst.nextState(p, a);
          int[] ts = append(str[i], fst.olabel(p, a));
          double x = sr.times(ri, fst.weight(p, a));
          Integer j = index.get(t);
          if (j == null) {
            if (n == st.length) {
              st = Arrays.copyOf(st, 2 * n);
              str = Arrays.copyOf(str, 2 * n);
              w = Arrays.copyOf(w, 2 * n);
              r = Arrays.copyOf(r, 2 * n);
            }
            st[n] = t;
            str[n] = ts;
            w[n] = x;
            r[n] = x;
            index.put(t, n);
            q.add(n);
            n++;
          } else {
            if (!Arrays.equals(str[j], ts)) {
              throw notFunctional(t, str[j], ts);
            }
            double nw = sr.plus(w[j], x);
            if (!Semiring.approxEqual(nw, w[j], opt.delta() / 16)) {
              w[j] = nw;
              boolean wasPending = r[j] != Double.POSITIVE_INFINITY;
              r[j] = sr.plus(r[j], x);
              if (!wasPending) {
                q.add(j);
              }
            }
          }
        }
      }
      return merge(Arrays.copyOf(st, n), Arrays.copyOf(str, n), Arrays.copyOf(w, n));
    }

    /** Star mode: drops elements that are not final and have only input-epsilon arcs (already expanded). */
    private Subset filter(Subset s) {
      int n = 0;
      boolean[] keep = new boolean[s.size()];
      for (int i = 0; i < s.size(); i++) {
        boolean k = (epsInfo[s.states[i]] & 2) != 0;
        keep[i] = k;
        if (k) {
          n++;
        }
      }
      if (n == s.size()) {
        return s;
      }
      int[] st = new int[n];
      int[][] str = new int[n][];
      double[] w = new double[n];
      int j = 0;
      for (int i = 0; i < s.size(); i++) {
        if (keep[i]) {
          st[j] = s.states[i];
          str[j] = s.strings[i];
          w[j] = s.weights[i];
          j++;
        }
      }
      return new Subset(st, str, w);
    }

    private IllegalArgumentException notFunctional(int state, int[] s1, int[] s2) {
      return new IllegalArgumentException("input is not functional (not determinizable): state " + state
          + " is reached by the same input with output strings " + Arrays.toString(s1) + " and "
          + Arrays.toString(s2));
    }
  }

  private static final class Subset {
    final int[] states;
    final int[][] strings;
    final double[] weights;
    int id = -1;

    Subset(int[] states, int[][] strings, double[] weights) {
      this.states = states;
      this.strings = strings;
      this.weights = weights;
    }

    int size() {
      return states.length;
    }
  }

  /** Hash key of a subset: states, residual strings and quantised residual weights. */
  private static final class Key {
    private final int[] states;
    private final int[][] strings;
    private final long[] qweights;
    private final int hash;

    Key(Subset s, double delta) {
      states = s.states;
      strings = s.strings;
      qweights = new long[s.size()];
      int h = Arrays.hashCode(states);
      for (int i = 0; i < s.size(); i++) {
        double w = s.weights[i];
        qweights[i] = w == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : Math.round(w / delta);
        h = 31 * h + Arrays.hashCode(strings[i]);
      }
      hash = 31 * h + Arrays.hashCode(qweights);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Key k = (Key) o;
      return hash == k.hash && Arrays.equals(states, k.states) && Arrays.equals(qweights, k.qweights)
          && Arrays.deepEquals(strings, k.strings);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
