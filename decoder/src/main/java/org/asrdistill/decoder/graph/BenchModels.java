package org.asrdistill.decoder.graph;

import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.hmm.tree.EventMap;

/**
 * Untrained models for graph benchmarks and tests: the monophone tree of a topology (N=1), or the same pdfs
 * behind a triphone context window (N=3, P=1: the tree asks only about the central phone), which gives HCLG
 * the size of a triphone graph (one C ilabel per seen phone triple) without a trained tree.
 */
public final class BenchModels {
  /** A context-dependency tree and its transition model. */
  public record Model(ContextDependency tree, TransitionModel transitions) {
  }

  private BenchModels() {
  }

  /** Monophone tree (Kaldi's MonophoneContextDependency) when {@code contextWidth} is 1, else N=3, P=1. */
  public static Model create(HmmTopology topo, int contextWidth) {
    ContextDependency mono = ContextDependency.monophone(topo.phones(), topo.phoneToNumPdfClasses());
    ContextDependency tree;
    if (contextWidth == 1) {
      tree = mono;
    } else if (contextWidth == 3) {
      if (!(mono.toPdf() instanceof EventMap.Table t) || t.key() != 0) {
        throw new IllegalStateException("unexpected monophone tree shape");
      }
      EventMap[] children = new EventMap[t.size()];
      for (int i = 0; i < children.length; i++) {
        children[i] = t.child(i);
      }
      tree = new ContextDependency(3, 1, new EventMap.Table(1, children));
    } else {
      throw new IllegalArgumentException("contextWidth must be 1 or 3; got: " + contextWidth);
    }
    return new Model(tree, TransitionModel.create(tree, topo));
  }
}
