package org.asrdistill.fst.ops;

import org.asrdistill.fst.VectorFst;

/** Sorting each state's arcs by label (OpenFst's ArcSort with ILabelCompare / OLabelCompare). */
public final class ArcSort {
  private ArcSort() {
  }

  /** Sorts arcs by (input, output) label. Modifies its input. O(E log d) for maximum out-degree d. */
  public static void byInput(VectorFst fst) {
    for (int s = 0; s < fst.numStates(); s++) {
      fst.sortArcs(s, false);
    }
  }

  /** Sorts arcs by (output, input) label. Modifies its input. O(E log d) for maximum out-degree d. */
  public static void byOutput(VectorFst fst) {
    for (int s = 0; s < fst.numStates(); s++) {
      fst.sortArcs(s, true);
    }
  }
}
