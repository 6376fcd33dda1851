package org.asrdistill.fst;

import java.util.Random;
import org.asrdistill.fst.RandomFsts.Shape;

/** The random cases shared by the live OpenFst conformance test and its golden-file variant. */
final class OpenFstCases {
  static final double DELTA = 1e-6;
  static final double REL_TOL = 2e-3;
  static final double DIST_TOL = 1e-4;

  /** One case: X (acyclic, with epsilons), Y (acyclic transducer, right operand of X o Y), Z (cyclic). */
  record Case(int id, Semiring semiring, boolean acceptor, boolean determinizable, VectorFst x, VectorFst y,
      VectorFst z) {
    String describe() {
      return "case " + id + " " + semiring.arcType() + (acceptor ? " acceptor" : determinizable
          ? " functional-transducer" : " transducer");
    }
  }

  private OpenFstCases() {
  }

  static Case make(int id) {
    Random rnd = new Random(1_000_003L * id + 17);
    Semiring sr = id % 2 == 0 ? Semiring.TROPICAL : Semiring.LOG;
    int kind = (id / 2) % 4;
    boolean acceptor = kind == 0 || kind == 3;
    boolean functional = kind == 1;
    VectorFst x = RandomFsts.random(rnd, new Shape(sr, 8, 5 + rnd.nextInt(10), 3, acceptor, true, 0.25,
        functional));
    VectorFst y = RandomFsts.random(rnd, new Shape(sr, 6, 4 + rnd.nextInt(8), 3, false, true, 0.3, false));
    VectorFst z = RandomFsts.random(rnd, new Shape(sr, 7, 4 + rnd.nextInt(9), 3, acceptor, false, 0.2,
        functional));
    return new Case(id, sr, acceptor, acceptor || functional, x, y, z);
  }
}
