package org.asrdistill.decoder.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.ArcSort;
import org.asrdistill.fst.ops.Connect;

/**
 * Composition C o LG with Kaldi's context-FST semantics (fstcomposecontext) for context width N and central
 * position P: reading phone p after the last N-1 phones h emits the window h+p (index into the ilabel info) when
 * its central phone is a real phone; positions before the start of the utterance are phone 0; at a final state
 * the pending windows are flushed with N-1-P zeros of right context. Disambiguation symbols d pass through as
 * ilabel info {@code {-d}} without changing the context; epsilons pass through. The ilabel info's entry 0 is
 * the empty window (epsilon). The result's input labels index {@link Result#ilabelInfo()}.
 */
public final class ContextFst {
  /** CLG and its ilabel info (Kaldi's {@code ilabels}: phone windows, or {-d} for disambiguation symbols). */
  public record Result(VectorFst clg, List<int[]> ilabelInfo) {
  }

  private static final int FLUSHED = -1;
  private static final int FLUSHING = -2;

  private ContextFst() {
  }

  /**
   * Builds CLG from LG (phone inputs, word outputs). {@code disambig} are LG's disambiguation input symbols.
   * Only states reachable from the start are built: O(states(CLG) * out-degree). Does not modify LG.
   */
  public static Result compose(Fst lg, int n, int p, Set<Integer> disambig) {
    if (n < 1 || p < 0 || p >= n) {
      throw new IllegalArgumentException("need N >= 1 and 0 <= P < N; got: N=" + n + " P=" + p);
    }
    List<int[]> info = new ArrayList<>();
    info.add(new int[0]);
    Map<Window, Integer> infoIds = new HashMap<>();
    VectorFst out = new VectorFst(lg.semiring());
    out.setOutputSymbols(lg.outputSymbols());
    if (lg.start() < 0) {
      return new Result(out, info);
    }
    Map<Window, Integer> ctxIds = new HashMap<>();
    List<int[]> ctxs = new ArrayList<>();
    Map<Long, Integer> ids = new HashMap<>();
    List<long[]> pairs = new ArrayList<>();
    int c0 = ctxId(ctxIds, ctxs, new int[n - 1]);
    out.setStart(state(ids, pairs, out, c0, lg.start()));
    int flushLen = n - 1 - p;
    for (int q = 0; q < out.numStates(); q++) {
      long[] pr = pairs.get(q);
      int c = (int) pr[0];
      int s = (int) pr[1];
      if (c == FLUSHED) { // end of a flush chain: final with the LG state's final weight
        out.setFinal(q, lg.finalWeight(s));
        continue;
      } else if (c == FLUSHING) { // inside a flush chain: its arc was added with the chain
        continue;
      }
      int[] hist = ctxs.get(c);
      for (int a = 0; a < lg.numArcs(s); a++) {
        int il = lg.ilabel(s, a);
        int t = lg.nextState(s, a);
        if (il == Fst.EPSILON) {
          out.addArc(q, Fst.EPSILON, lg.olabel(s, a), lg.weight(s, a), state(ids, pairs, out, c, t));
        } else if (disambig.contains(il)) {
          int lab = label(info, infoIds, new int[] {-il});
          out.addArc(q, lab, lg.olabel(s, a), lg.weight(s, a), state(ids, pairs, out, c, t));
        } else {
          int[] w = Arrays.copyOf(hist, n);
          w[n - 1] = il;
          int lab = w[p] == 0 ? Fst.EPSILON : label(info, infoIds, w);
          int nc = ctxId(ctxIds, ctxs, Arrays.copyOfRange(w, 1, n));
          out.addArc(q, lab, lg.olabel(s, a), lg.weight(s, a), state(ids, pairs, out, nc, t));
        }
      }
      if (lg.isFinal(s)) {
        // flush: emit the remaining windows with zero right context, then finish.
        int[] h = hist;
        int cur = q;
        for (int k = 0; k < flushLen; k++) {
          int[] w = Arrays.copyOf(h, n);
          w[n - 1] = 0;
          int lab = w[p] == 0 ? Fst.EPSILON : label(info, infoIds, w);
          h = Arrays.copyOfRange(w, 1, n);
          int next;
          if (k == flushLen - 1) {
            next = state(ids, pairs, out, FLUSHED, s);
          } else {
            next = out.addState();
            pairs.add(new long[] {FLUSHING, s});
          }
          out.addArc(cur, lab, Fst.EPSILON, Semiring.ONE, next);
          cur = next;
        }
        if (flushLen == 0) {
          out.setFinal(q, lg.finalWeight(s));
        }
      }
    }
    Connect.connect(out);
    ArcSort.byInput(out);
    return new Result(out, info);
  }

  private static int label(List<int[]> info, Map<Window, Integer> ids, int[] w) {
    Window k = new Window(w);
    Integer id = ids.get(k);
    if (id == null) {
      id = info.size();
      info.add(w.clone());
      ids.put(k, id);
    }
    return id;
  }

  private static int ctxId(Map<Window, Integer> ids, List<int[]> ctxs, int[] h) {
    Window k = new Window(h);
    Integer id = ids.get(k);
    if (id == null) {
      id = ctxs.size();
      ctxs.add(h.clone());
      ids.put(k, id);
    }
    return id;
  }

  private static int state(Map<Long, Integer> ids, List<long[]> pairs, VectorFst out, int c, int s) {
    long key = ((long) c << 32) | (s & 0xffffffffL);
    Integer id = ids.get(key);
    if (id == null) {
      id = out.addState();
      ids.put(key, id);
      pairs.add(new long[] {c, s});
    }
    return id;
  }

  private record Window(int[] w) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Window x && Arrays.equals(w, x.w);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(w);
    }
  }
}
