package org.asrdistill.fst.ops;

import java.util.Map;
import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.fst.VectorFst;

/** Label rewriting: project, invert, relabel and symbol removal. All modify their input in O(V + E). */
public final class Labels {
  private Labels() {
  }

  /** Projection onto the input (or output) side: both labels of each arc become that side's label. In place. */
  public static void project(VectorFst fst, boolean output) {
    for (int s = 0; s < fst.numStates(); s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        int l = output ? fst.olabel(s, a) : fst.ilabel(s, a);
        fst.setArc(s, a, l, l, fst.weight(s, a), fst.nextState(s, a));
      }
    }
    SymbolTable t = output ? fst.outputSymbols() : fst.inputSymbols();
    fst.setInputSymbols(t);
    fst.setOutputSymbols(t);
  }

  /** Swaps input and output labels (and symbol tables). In place. */
  public static void invert(VectorFst fst) {
    for (int s = 0; s < fst.numStates(); s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        fst.setArc(s, a, fst.olabel(s, a), fst.ilabel(s, a), fst.weight(s, a), fst.nextState(s, a));
      }
    }
    SymbolTable t = fst.inputSymbols();
    fst.setInputSymbols(fst.outputSymbols());
    fst.setOutputSymbols(t);
  }

  /** Replaces labels through the maps (labels absent from a map are kept). In place. */
  public static void relabel(VectorFst fst, Map<Integer, Integer> inputMap, Map<Integer, Integer> outputMap) {
    for (int s = 0; s < fst.numStates(); s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        int il = fst.ilabel(s, a);
        int ol = fst.olabel(s, a);
        fst.setArc(s, a, inputMap.getOrDefault(il, il), outputMap.getOrDefault(ol, ol), fst.weight(s, a),
            fst.nextState(s, a));
      }
    }
  }

  /** Replaces the given labels on the input (or output) side by epsilon (Kaldi's fstrmsymbols). In place. */
  public static void removeSymbols(VectorFst fst, Set<Integer> labels, boolean output) {
    for (int s = 0; s < fst.numStates(); s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        int il = fst.ilabel(s, a);
        int ol = fst.olabel(s, a);
        if (output && labels.contains(ol)) {
          ol = Fst.EPSILON;
        } else if (!output && labels.contains(il)) {
          il = Fst.EPSILON;
        }
        fst.setArc(s, a, il, ol, fst.weight(s, a), fst.nextState(s, a));
      }
    }
  }
}
