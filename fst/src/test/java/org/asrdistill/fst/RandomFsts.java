package org.asrdistill.fst;

import java.util.Random;

/** Seeded generator of small random weighted acceptors and transducers for tests. */
public final class RandomFsts {
  /** Shape of a random FST. */
  public record Shape(Semiring semiring, int maxStates, int numArcs, int numLabels, boolean acceptor,
      boolean acyclic, double epsilonProbability, boolean functional) {
  }

  private RandomFsts() {
  }

  /**
   * A random FST with 2..maxStates states, start 0, the last state final. Acyclic FSTs only have arcs
   * from lower to higher states. Functional transducers map each input label to a fixed output label
   * (input epsilons to output epsilons), so their relation is a function. Weights are multiples of 1/8
   * (0..5 on acyclic FSTs, 1.5..5 on cyclic ones so that log-semiring sums over cycles converge).
   */
  public static VectorFst random(Random rnd, Shape sh) {
    VectorFst f = new VectorFst(sh.semiring());
    int n = 2 + rnd.nextInt(Math.max(1, sh.maxStates() - 1));
    for (int s = 0; s < n; s++) {
      f.addState();
    }
    f.setStart(0);
    for (int k = 0; k < sh.numArcs(); k++) {
      int src;
      int dst;
      if (sh.acyclic()) {
        src = rnd.nextInt(n - 1);
        dst = src + 1 + rnd.nextInt(n - 1 - src);
      } else {
        src = rnd.nextInt(n);
        dst = rnd.nextInt(n);
      }
      int il = rnd.nextDouble() < sh.epsilonProbability() ? 0 : 1 + rnd.nextInt(sh.numLabels());
      int ol;
      if (sh.acceptor()) {
        ol = il;
      } else if (sh.functional()) {
        ol = il == 0 ? 0 : (il * 7 + 3) % (sh.numLabels() + 2);
      } else {
        ol = rnd.nextDouble() < sh.epsilonProbability() ? 0 : 1 + rnd.nextInt(sh.numLabels());
      }
      f.addArc(src, il, ol, weight(rnd, sh.acyclic()), dst);
    }
    for (int s = 0; s < n; s++) {
      if (s == n - 1 || rnd.nextDouble() < 0.25) {
        f.setFinal(s, weight(rnd, sh.acyclic()));
      }
    }
    return f;
  }

  private static float weight(Random rnd, boolean acyclic) {
    return acyclic ? rnd.nextInt(41) / 8f : 1.5f + rnd.nextInt(29) / 8f;
  }
}
