package org.asrdistill.decoder.graph;

import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * Per-utterance training graphs as Kaldi's {@code TrainingGraphCompiler}: the transcript as a linear word
 * acceptor G, then the HCLG pipeline of {@link Hclg} (with Kaldi's training defaults: transition and self-loop
 * scale 1). The result maps transition-id sequences to the transcript's words.
 */
public final class TrainingGraphCompiler {
  private final Fst lexicon;
  private final Set<Integer> disambig;
  private final ContextDependency ctx;
  private final TransitionModel tm;
  private final Hclg.Options opt;

  /**
   * {@code lexicon} is L.fst (or L_disambig.fst, then {@code disambig} lists its phone disambiguation symbols).
   */
  public TrainingGraphCompiler(Fst lexicon, Set<Integer> disambig, ContextDependency ctx, TransitionModel tm,
      Hclg.Options opt) {
    this.lexicon = lexicon;
    this.disambig = Set.copyOf(disambig);
    this.ctx = ctx;
    this.tm = tm;
    this.opt = opt;
  }

  /** Kaldi's compile-train-graphs defaults: --transition-scale=1.0 --self-loop-scale=1.0. */
  public static Hclg.Options defaultOptions() {
    Hclg.Options d = Hclg.Options.defaults();
    return new Hclg.Options(1.0, 1.0, d.determinize());
  }

  /** The training graph of one transcript (word ids > 0). Empty FST if the words have no pronunciation path. */
  public VectorFst compile(int[] words) {
    VectorFst g = new VectorFst(Semiring.TROPICAL);
    int s = g.addState();
    g.setStart(s);
    for (int w : words) {
      if (w <= 0) {
        throw new IllegalArgumentException("word ids must be > 0; got: " + w);
      }
      int t = g.addState();
      g.addArc(s, w, w, Semiring.ONE, t);
      s = t;
    }
    g.setFinal(s, Semiring.ONE);
    return VectorFst.copyOf(Hclg.build(lexicon, g, disambig, ctx, tm, opt).hclg());
  }
}
