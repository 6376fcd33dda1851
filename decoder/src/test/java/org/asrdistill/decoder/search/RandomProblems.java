package org.asrdistill.decoder.search;

import java.util.Random;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.ops.Compose;
import org.asrdistill.fst.ops.ShortestDistance;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/** Random decoding problems and their exact solution through fst composition (test helper). */
public final class RandomProblems {
  private RandomProblems() {
  }

  /**
   * A random tropical graph: states 0..n-1, start 0, input labels 0..numLabels (0 = epsilon, with
   * probability epsProb), output labels 0..numWords, non-negative weights, some final states.
   */
  public static VectorFst randomGraph(Random rnd, int n, int numLabels, int numWords, double epsProb) {
    return randomGraph(rnd, n, numLabels, numWords, epsProb, false);
  }

  /** As above; with {@code epsilonsForward}, epsilon arcs only go to higher states (no epsilon cycles). */
  public static VectorFst randomGraph(Random rnd, int n, int numLabels, int numWords, double epsProb,
      boolean epsilonsForward) {
    VectorFst f = new VectorFst(Semiring.TROPICAL);
    for (int s = 0; s < n; s++) {
      f.addState();
    }
    f.setStart(0);
    for (int s = 0; s < n; s++) {
      int arcs = 1 + rnd.nextInt(4);
      for (int a = 0; a < arcs; a++) {
        int il = rnd.nextDouble() < epsProb ? 0 : 1 + rnd.nextInt(numLabels);
        int ol = rnd.nextDouble() < 0.5 ? 0 : 1 + rnd.nextInt(numWords);
        int next = rnd.nextInt(n);
        if (il == 0 && epsilonsForward && next <= s) {
          if (s == n - 1) {
            continue;
          }
          next = s + 1 + rnd.nextInt(n - 1 - s);
        }
        f.addArc(s, il, ol, (float) (rnd.nextDouble() * 3), next);
      }
      if (rnd.nextDouble() < 0.4) {
        f.setFinal(s, (float) (rnd.nextDouble() * 2));
      }
    }
    f.setFinal(n - 1, 0.5f);
    return f;
  }

  /** Random log-likelihoods: frames x numLabels, Gaussian with the given spread. */
  public static FloatMatrix randomLoglikes(Random rnd, int frames, int numLabels, double spread) {
    FloatMatrix m = new FloatMatrix(frames, numLabels);
    for (int t = 0; t < frames; t++) {
      for (int k = 0; k < numLabels; k++) {
        m.set(t, k, (float) (-Math.abs(rnd.nextGaussian()) * spread));
      }
    }
    return m;
  }

  /** The linear acceptor of the frames: arcs t -> t+1 labelled k with weight -loglikes(t, k-1) * scale. */
  public static VectorFst frameAcceptor(FloatMatrix loglikes, float scale) {
    VectorFst a = new VectorFst(Semiring.TROPICAL);
    for (int t = 0; t <= loglikes.rows(); t++) {
      a.addState();
    }
    a.setStart(0);
    for (int t = 0; t < loglikes.rows(); t++) {
      for (int k = 1; k <= loglikes.cols(); k++) {
        a.addArc(t, k, k, -scale * loglikes.get(t, k - 1), t + 1);
      }
    }
    a.setFinal(loglikes.rows(), 0f);
    return a;
  }

  /** Exact best cost of the decoding problem: shortest distance of (frame acceptor o graph). */
  public static double exactBestCost(Fst graph, FloatMatrix loglikes, float scale) {
    VectorFst c = Compose.compose(frameAcceptor(loglikes, scale), graph, Compose.Options.defaults());
    return ShortestDistance.total(c, 1e-6);
  }
}
