package org.asrdistill.acoustic.train;

import java.util.List;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * Kaldi's {@code ConvertAlignment} (the {@code convert-ali} tool) for models with the same topology: each phone
 * instance keeps its frames, HMM states and transition indices; its pdfs are looked up in the new tree with the
 * instance's phone context, giving new transition-ids.
 */
public final class AlignmentConversion {
  private AlignmentConversion() {
  }

  /** The converted alignment, or null if the old one does not split into whole phones. */
  public static int[] convert(TransitionModel oldTm, TransitionModel newTm, ContextDependency newTree, int[] ali) {
    Alignments.Split split = Alignments.splitToPhones(oldTm, ali);
    if (!split.consistent()) {
      return null;
    }
    List<int[]> runs = split.phones();
    int n = newTree.contextWidth();
    int p = newTree.centralPosition();
    int[] phones = new int[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      phones[i] = oldTm.transitionIdToPhone(runs.get(i)[0]);
    }
    int[] out = new int[ali.length];
    int k = 0;
    int[] window = new int[n];
    HmmTopology topo = newTm.topology();
    for (int i = 0; i < runs.size(); i++) {
      for (int j = 0; j < n; j++) {
        int q = i + j - p;
        window[j] = q >= 0 && q < phones.length ? phones[q] : 0;
      }
      HmmTopology.Entry e = topo.topologyForPhone(phones[i]);
      for (int tid : runs.get(i)) {
        int hmmState = oldTm.transitionIdToHmmState(tid);
        int index = oldTm.transitionIdToTransitionIndex(tid);
        HmmTopology.State st = e.state(hmmState);
        int fwd = newTree.compute(window, st.forwardPdfClass());
        int loop = newTree.compute(window, st.selfLoopPdfClass());
        if (fwd < 0 || loop < 0) {
          return null;
        }
        int ts = newTm.tupleToTransitionState(phones[i], hmmState, fwd, loop);
        out[k++] = newTm.pairToTransitionId(ts, index);
      }
    }
    return out;
  }
}
