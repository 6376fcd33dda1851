package org.asrdistill.fst.ops;

import org.asrdistill.fst.Scc;
import org.asrdistill.fst.VectorFst;

/** Trimming: removing states that are not on a path from the start state to a final state. */
public final class Connect {
  private Connect() {
  }

  /**
   * Removes every state that is not both accessible and coaccessible, renumbering the rest in order.
   * Modifies its input. O(V + E). An FST with no successful path becomes empty (no states, no start).
   */
  public static void connect(VectorFst fst) {
    Scc scc = Scc.of(fst);
    boolean[] acc = scc.accessible();
    boolean[] co = scc.coaccessible();
    boolean[] keep = new boolean[fst.numStates()];
    boolean any = false;
    for (int s = 0; s < keep.length; s++) {
      keep[s] = acc[s] && co[s];
      any |= keep[s];
    }
    if (!any) {
      fst.deleteAllStates();
      return;
    }
    fst.retainStates(keep);
  }
}
