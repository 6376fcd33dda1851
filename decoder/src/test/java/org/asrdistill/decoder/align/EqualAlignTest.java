package org.asrdistill.decoder.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.junit.jupiter.api.Test;

class EqualAlignTest {
  /** 0 -1-> 1 (loop 2) -eps-> 2 -3-> 3 (loop 4), final; plus a longer detour 0 -5-> 4 -6-> 1. */
  private static VectorFst graph() {
    VectorFst g = new VectorFst(Semiring.TROPICAL);
    for (int i = 0; i < 5; i++) {
      g.addState();
    }
    g.setStart(0);
    g.addArc(0, 5, 0, Semiring.ONE, 4);
    g.addArc(4, 6, 0, Semiring.ONE, 1);
    g.addArc(0, 1, 7, Semiring.ONE, 1);
    g.addArc(1, 2, 0, Semiring.ONE, 1);
    g.addArc(1, 0, 0, Semiring.ONE, 2);
    g.addArc(2, 3, 0, Semiring.ONE, 3);
    g.addArc(3, 4, 0, Semiring.ONE, 3);
    g.setFinal(3, Semiring.ONE);
    return g;
  }

  @Test
  void framesAreSharedAmongSelfLoopsOfTheShortestPath() {
    assertArrayEquals(new int[] {1, 3}, EqualAlign.align(graph(), 2));
    assertArrayEquals(new int[] {1, 2, 2, 3, 4, 4}, EqualAlign.align(graph(), 6));
    assertArrayEquals(new int[] {1, 2, 2, 3, 4}, EqualAlign.align(graph(), 5));
  }

  @Test
  void tooFewFramesOrNoFinalStateGiveNull() {
    assertNull(EqualAlign.align(graph(), 1));
    VectorFst g = graph();
    g.setFinal(3, Semiring.ZERO);
    assertNull(EqualAlign.align(g, 10));
  }
}
