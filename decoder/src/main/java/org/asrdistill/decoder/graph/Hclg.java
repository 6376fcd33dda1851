package org.asrdistill.decoder.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.asrdistill.fst.ConstFst;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.ArcSort;
import org.asrdistill.fst.ops.Compose;
import org.asrdistill.fst.ops.Connect;
import org.asrdistill.fst.ops.Determinize;
import org.asrdistill.fst.ops.Labels;
import org.asrdistill.fst.ops.Minimize;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * The steps of Kaldi's {@code utils/mkgraph.sh}: LG = minimize-encoded(determinize-star_log(L_disambig o G)),
 * CLG = C o LG, HCLGa = minimize-encoded(rmepslocal(rmsymbols(determinize-star_log(H o CLG)))), HCLG =
 * add-self-loops(HCLGa), as a ConstFst with transition-id inputs and word outputs. Weights are tropical;
 * determinization runs in the log semiring (fstdeterminizestar --use-log=true).
 */
public final class Hclg {
  /** mkgraph options: --transition-scale, --self-loop-scale, and the determinization budget. */
  public record Options(double transitionScale, double selfLoopScale, Determinize.Options determinize) {
    public Options {
      if (!(transitionScale >= 0) || !(selfLoopScale >= 0)) {
        throw new IllegalArgumentException("scales must be >= 0; got: " + transitionScale + ", " + selfLoopScale);
      }
    }

    public static Options defaults() {
      return new Options(1.0, 0.1, Determinize.Options.defaults());
    }
  }

  /** The graphs made on the way (for statistics) and the final HCLG. */
  public record Result(VectorFst lg, VectorFst clg, List<int[]> ilabelInfo, VectorFst ha, VectorFst hclga,
      ConstFst hclg) {
  }

  private Hclg() {
  }

  /** LG = fstminimizeencoded(fstdeterminizestar --use-log=true (fsttablecompose L_disambig G)). */
  public static VectorFst lg(Fst lDisambig, Fst g, Determinize.Options det) {
    VectorFst lg = Compose.compose(lDisambig, g, Compose.Options.defaults());
    VectorFst d = withSemiring(Determinize.determinizeStar(withSemiring(lg, Semiring.LOG), det), Semiring.TROPICAL);
    VectorFst m = Minimize.minimizeEncoded(d, Semiring.DEFAULT_DELTA);
    ArcSort.byInput(m);
    return m;
  }

  /** The whole pipeline from L_disambig and G. {@code phoneDisambig} are the phone disambiguation symbols. */
  public static Result build(Fst lDisambig, Fst g, Set<Integer> phoneDisambig, ContextDependency ctx,
      TransitionModel tm, Options opt) {
    VectorFst lg = lg(lDisambig, g, opt.determinize());
    ContextFst.Result c = ContextFst.compose(lg, ctx.contextWidth(), ctx.centralPosition(), phoneDisambig);
    HTransducer.Result h = HTransducer.build(c.ilabelInfo(), ctx, tm, opt.transitionScale());
    VectorFst hclga = hclga(h, c.clg(), opt.determinize());
    VectorFst withLoops = VectorFst.copyOf(hclga);
    addSelfLoops(withLoops, tm, opt.selfLoopScale());
    ArcSort.byInput(withLoops);
    return new Result(lg, c.clg(), c.ilabelInfo(), h.h(), hclga, ConstFst.copyOf(withLoops));
  }

  /** HCLGa: H o CLG, determinized (log), disambiguation transition-ids removed, local epsilons removed, minimized. */
  public static VectorFst hclga(HTransducer.Result h, Fst clg, Determinize.Options det) {
    VectorFst hclg = Compose.compose(h.h(), clg, Compose.Options.defaults());
    VectorFst d = withSemiring(Determinize.determinizeStar(withSemiring(hclg, Semiring.LOG), det), Semiring.TROPICAL);
    Set<Integer> dis = new HashSet<>();
    for (int x : h.disambigTids()) {
      dis.add(x);
    }
    Labels.removeSymbols(d, dis, false);
    EpsilonLocal.remove(d);
    VectorFst m = Minimize.minimizeEncoded(d, Semiring.DEFAULT_DELTA);
    ArcSort.byInput(m);
    return m;
  }

  /** A copy of the FST with the same weights read in another semiring. O(V + E). */
  public static VectorFst withSemiring(Fst f, Semiring sr) {
    VectorFst out = new VectorFst(sr);
    out.reserveStates(f.numStates());
    for (int s = 0; s < f.numStates(); s++) {
      out.addState();
      out.setFinal(s, f.finalWeight(s));
      out.reserveArcs(s, f.numArcs(s));
      for (int a = 0; a < f.numArcs(s); a++) {
        out.addArc(s, f.ilabel(s, a), f.olabel(s, a), f.weight(s, a), f.nextState(s, a));
      }
    }
    out.setStart(f.start());
    out.setInputSymbols(f.inputSymbols());
    out.setOutputSymbols(f.outputSymbols());
    return out;
  }

  /**
   * Kaldi's {@code AddSelfLoops} with {@code --reorder=true}: states are split so that all arcs entering a state
   * (and the start, counted as epsilon) share one transition state; a state entered by transition state ts gets
   * the self-loop of ts with weight -scale*log p(loop) and its outgoing arcs and final weight are multiplied by
   * -scale*log(1-p(loop)). Input labels above numTransitionIds() or zero belong to class 0 (no self-loop). In
   * place. O(V + E) plus the split states.
   */
  public static void addSelfLoops(VectorFst f, TransitionModel tm, double scale) {
    int ntid = tm.numTransitionIds();
    int n0 = f.numStates();
    // classes entering each state; split states entered by several classes
    List<Set<Integer>> in = new ArrayList<>();
    for (int s = 0; s < n0; s++) {
      in.add(new HashSet<>(2));
    }
    if (f.start() >= 0) {
      in.get(f.start()).add(0);
    }
    for (int s = 0; s < n0; s++) {
      for (int a = 0; a < f.numArcs(s); a++) {
        in.get(f.nextState(s, a)).add(cls(f.ilabel(s, a), tm, ntid));
      }
    }
    int[][] copyOf = new int[n0][]; // per state: [class, copy state] pairs for extra classes
    int[] stateClass = new int[n0];
    List<Integer> extraClass = new ArrayList<>();
    for (int s = 0; s < n0; s++) {
      Integer[] cs = in.get(s).toArray(new Integer[0]);
      java.util.Arrays.sort(cs);
      stateClass[s] = cs.length == 0 ? 0 : cs[0];
      if (cs.length > 1) {
        copyOf[s] = new int[2 * (cs.length - 1)];
        for (int k = 1; k < cs.length; k++) {
          int c = f.addState();
          extraClass.add(cs[k]);
          copyOf[s][2 * (k - 1)] = cs[k];
          copyOf[s][2 * (k - 1) + 1] = c;
          f.setFinal(c, f.finalWeight(s));
          for (int a = 0; a < f.numArcs(s); a++) {
            f.addArc(c, f.ilabel(s, a), f.olabel(s, a), f.weight(s, a), f.nextState(s, a));
          }
        }
      }
    }
    // redirect arcs to the copy for their class
    for (int s = 0; s < f.numStates(); s++) {
      for (int a = 0; a < f.numArcs(s); a++) {
        int t = f.nextState(s, a);
        if (t < n0 && copyOf[t] != null) {
          int c = cls(f.ilabel(s, a), tm, ntid);
          for (int k = 0; k < copyOf[t].length; k += 2) {
            if (copyOf[t][k] == c) {
              f.setArc(s, a, f.ilabel(s, a), f.olabel(s, a), f.weight(s, a), copyOf[t][k + 1]);
            }
          }
        }
      }
    }
    int total = f.numStates();
    for (int s = 0; s < total; s++) {
      int ts = s < n0 ? stateClass[s] : extraClass.get(s - n0);
      if (ts <= 0) {
        continue;
      }
      float leave = (float) (-scale * tm.nonSelfLoopLogProb(ts));
      if (f.isFinal(s)) {
        f.setFinal(s, f.finalWeight(s) + leave);
      }
      for (int a = 0; a < f.numArcs(s); a++) {
        f.setArc(s, a, f.ilabel(s, a), f.olabel(s, a), f.weight(s, a) + leave, f.nextState(s, a));
      }
      int loop = tm.selfLoopOf(ts);
      if (loop != 0) {
        f.addArc(s, loop, Fst.EPSILON, (float) (-scale * tm.transitionLogProb(loop)), s);
      }
    }
    Connect.connect(f);
  }

  private static int cls(int ilabel, TransitionModel tm, int ntid) {
    if (ilabel >= 1 && ilabel <= ntid) {
      if (tm.isSelfLoop(ilabel)) {
        throw new IllegalArgumentException("the graph already has self-loops (transition-id " + ilabel + ")");
      }
      return tm.transitionIdToTransitionState(ilabel);
    }
    return 0;
  }
}
