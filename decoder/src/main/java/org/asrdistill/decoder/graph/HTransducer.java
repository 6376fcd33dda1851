package org.asrdistill.decoder.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.ArcSort;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * Kaldi's {@code GetHTransducer} (make-h-transducer): a loop over one HMM per ilabel (phone window), mapping
 * transition-id sequences to ilabels, without self-loops (they are added after HCLG is built). Each HMM's
 * non-self-loop transitions carry -transitionScale * log p, p ignoring the self-loop; the ilabel is output on
 * the first arc. Disambiguation ilabels {-d} become single arcs with new input symbols numbered from
 * numTransitionIds()+1 ({@link Result#disambigTids()}).
 */
public final class HTransducer {
  /** H and the transition-id-side disambiguation symbols (Kaldi's disambig_tid.int). */
  public record Result(VectorFst h, int[] disambigTids) {
  }

  private HTransducer() {
  }

  /** Builds H. O(sum of HMM sizes over the ilabels). */
  public static Result build(List<int[]> ilabelInfo, ContextDependency ctx, TransitionModel tm,
      double transitionScale) {
    if (ilabelInfo.isEmpty() || ilabelInfo.get(0).length != 0) {
      throw new IllegalArgumentException("ilabel info must start with the empty (epsilon) entry");
    }
    VectorFst h = new VectorFst(Semiring.TROPICAL);
    int loop = h.addState();
    h.setStart(loop);
    h.setFinal(loop, Semiring.ONE);
    List<Integer> dis = new ArrayList<>();
    int nextDis = tm.numTransitionIds() + 1;
    Map<String, int[][]> cache = new HashMap<>();
    for (int j = 1; j < ilabelInfo.size(); j++) {
      int[] w = ilabelInfo.get(j);
      if (w.length == 0) {
        throw new IllegalArgumentException("ilabel " + j + " has an empty window");
      }
      if (w[0] < 0) {
        int d = nextDis++;
        dis.add(d);
        h.addArc(loop, d, j, Semiring.ONE, loop);
        continue;
      }
      if (w.length != ctx.contextWidth()) {
        throw new IllegalArgumentException("ilabel " + j + " has " + w.length + " phones; the tree's context width is "
            + ctx.contextWidth());
      }
      addHmm(h, loop, j, w, ctx, tm, transitionScale);
    }
    ArcSort.byInput(h);
    return new Result(h, dis.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Adds the self-loop-free HMM of the central phone of window w from the loop state back to it. */
  private static void addHmm(VectorFst h, int loop, int olabel, int[] w, ContextDependency ctx, TransitionModel tm,
      double scale) {
    int phone = w[ctx.centralPosition()];
    HmmTopology.Entry e = tm.topology().topologyForPhone(phone);
    int n = e.size();
    int[] st = new int[n];
    st[0] = loop;
    for (int i = 1; i < n - 1; i++) {
      st[i] = h.addState();
    }
    st[n - 1] = loop; // the final non-emitting state returns to the loop
    for (int i = 1; i < n - 1; i++) {
      for (int k = 0; k < e.state(i).numTransitions(); k++) {
        if (e.state(i).destination(k) == 0) {
          throw new IllegalArgumentException("topology of phone " + phone + ": transitions back into the entry "
              + "state are not supported");
        }
      }
    }
    for (int i = 0; i < n - 1; i++) {
      HmmTopology.State s = e.state(i);
      int ts = 0;
      if (s.forwardPdfClass() != HmmTopology.NO_PDF) {
        int fp = pdf(ctx, w, s.forwardPdfClass());
        int sp = pdf(ctx, w, s.selfLoopPdfClass());
        ts = tm.tupleToTransitionState(phone, i, fp, sp);
      }
      for (int k = 0; k < s.numTransitions(); k++) {
        int dest = s.destination(k);
        if (dest == i) {
          continue; // self-loops are added later
        }
        int il = Fst.EPSILON;
        float cost = 0f;
        if (ts > 0) {
          int tid = tm.pairToTransitionId(ts, k);
          il = tid;
          cost = (float) (-scale * tm.transitionLogProbIgnoringSelfLoops(tid));
        } else {
          cost = (float) (-scale * Math.log(s.prob(k)));
        }
        h.addArc(st[i], il, i == 0 ? olabel : Fst.EPSILON, cost, st[dest]);
      }
    }
  }

  private static int pdf(ContextDependency ctx, int[] w, int pdfClass) {
    int p = ctx.compute(w, pdfClass);
    if (p < 0) {
      throw new IllegalArgumentException("the tree has no pdf for window " + java.util.Arrays.toString(w)
          + " pdf class " + pdfClass);
    }
    return p;
  }
}
