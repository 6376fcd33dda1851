package org.asrdistill.acoustic.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.asrdistill.hmm.gmm.DiagGmm;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class GmmUpdateTest {
  private static DiagGmm single(double[] mean, double[] var) {
    float[] m = new float[mean.length];
    float[] v = new float[var.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) mean[i];
      v[i] = (float) var[i];
    }
    return DiagGmm.fromMeansVars(new float[] {1f}, new FloatMatrix(1, m.length, m), new FloatMatrix(1, v.length, v));
  }

  private static double accumulate(DiagGmmAccs acc, DiagGmm g, FloatMatrix x) {
    double ll = 0;
    for (int t = 0; t < x.rows(); t++) {
      ll += acc.accumulateFromGmm(g, x.row(t), 1.0);
    }
    return ll;
  }

  @Test
  void emWithMixingUpRecoversTwoComponents() {
    Random rng = new Random(7);
    double[][] means = {{-3, 1}, {2, -1}};
    double[][] sds = {{0.5, 1.0}, {1.0, 0.4}};
    FloatMatrix x = Synthetic.fromGmm(rng, 4000, new double[] {0.3, 0.7}, means, sds);
    DiagGmm g = single(new double[] {0, 0}, new double[] {1, 1});
    double prev = Double.NEGATIVE_INFINITY;
    Random split = new Random(1);
    for (int iter = 0; iter < 25; iter++) {
      DiagGmmAccs acc = new DiagGmmAccs(g.numGauss(), 2, DiagGmmAccs.ALL);
      double ll = accumulate(acc, g, x) / x.rows();
      if (iter != 2) { // the likelihood may drop right after a split
        assertTrue(ll >= prev - 1e-6, "iteration " + iter + ": " + ll + " < " + prev);
      }
      prev = ll;
      GmmUpdate.Result r = GmmUpdate.update(MleOptions.defaults(), acc, DiagGmmAccs.ALL, g);
      assertTrue(r.objChange() >= -1e-3, "EM auxiliary function decreased: " + r.objChange());
      assertEquals(x.rows(), r.count(), 1e-6);
      g = r.gmm();
      if (iter == 1) {
        g = GmmUpdate.split(g, 2, 0.01, split);
        assertEquals(2, g.numGauss());
      }
    }
    int a = g.meansInvVars().get(0, 0) / g.invVars().get(0, 0) < 0 ? 0 : 1;
    float[] w = g.weights();
    assertEquals(0.3, w[a], 0.03);
    for (int c = 0; c < 2; c++) {
      int comp = c == 0 ? a : 1 - a;
      for (int d = 0; d < 2; d++) {
        double mean = g.meansInvVars().get(comp, d) / g.invVars().get(comp, d);
        double var = 1.0 / g.invVars().get(comp, d);
        assertEquals(means[c][d], mean, 0.1, "mean " + c + "," + d);
        assertEquals(sds[c][d] * sds[c][d], var, 0.15 * sds[c][d] * sds[c][d], "var " + c + "," + d);
      }
    }
  }

  @Test
  void varianceFloorAndLowCountRemoval() {
    DiagGmm g = DiagGmm.fromMeansVars(new float[] {0.5f, 0.5f}, new FloatMatrix(2, 2, new float[] {0, 0, 5, 5}),
        new FloatMatrix(2, 2, new float[] {1, 1, 1, 1}));
    DiagGmmAccs acc = new DiagGmmAccs(2, 2, DiagGmmAccs.ALL);
    for (int t = 0; t < 100; t++) {
      acc.accumulateForComponent(new float[] {1f, (float) (t % 2 == 0 ? 0.001 : -0.001)}, 0, 1.0);
    }
    acc.accumulateForComponent(new float[] {5f, 5f}, 1, 3.0); // below the occupancy floor of 10
    GmmUpdate.Result r = GmmUpdate.update(MleOptions.defaults(), acc, DiagGmmAccs.ALL, g);
    assertEquals(1, r.removedGaussians());
    assertEquals(1, r.gmm().numGauss());
    assertEquals(1.0f, r.gmm().weights()[0], 1e-6);
    assertEquals(2, r.flooredElements()); // both dimensions have (near) zero variance
    assertEquals(1, r.flooredGaussians());
    assertEquals(1000f, r.gmm().invVars().get(0, 0), 1e-2); // 1 / 0.001
    MleOptions keep = new MleOptions(1e-5, 10, 0.5, false);
    GmmUpdate.Result k = GmmUpdate.update(keep, acc, DiagGmmAccs.ALL, g);
    assertEquals(2, k.gmm().numGauss());
    assertEquals(2f, k.gmm().invVars().get(0, 1), 1e-6); // floored at 0.5
    assertEquals(1f, k.gmm().invVars().get(1, 0), 1e-6); // too little data: kept, not updated
    assertEquals(3f / 103, k.gmm().weights()[1], 1e-6);
  }

  @Test
  void splitTargetsReachTheTotalAndRespectMinCount() {
    double[] occs = {1000, 100, 10, 0};
    int[] t = GmmUpdate.splitTargets(occs, 20, 1.0, 20);
    assertEquals(4, t.length);
    assertEquals(1, t[2]);
    assertEquals(1, t[3]);
    assertTrue(t[1] <= 4, Arrays.toString(t)); // (n+1)*20 < 100 allows at most 4
    assertEquals(20, Arrays.stream(t).sum(), Arrays.toString(t));
    int[] u = GmmUpdate.splitTargets(new double[] {100, 100}, 100, 0.2, 20);
    assertArrayEquals(new int[] {4, 4}, u); // min-count stops at 4 per pdf
    DiagGmm g = single(new double[] {0, 0}, new double[] {1, 1});
    DiagGmm s = GmmUpdate.split(g, 5, 0.01, new Random(3));
    assertEquals(5, s.numGauss());
    float sum = 0;
    for (float w : s.weights()) {
      sum += w;
    }
    assertEquals(1f, sum, 1e-6);
    assertThrows(IllegalArgumentException.class, () -> GmmUpdate.split(s, 2, 0.01, new Random()));
  }

  @Test
  void transitionProbabilitiesFromCounts() {
    HmmTopology topo = HmmTopology.generate(2, 1, new int[] {1}, new int[] {2});
    ContextDependency tree = ContextDependency.monophone(topo.phones(), topo.phoneToNumPdfClasses());
    TransitionModel tm = TransitionModel.create(tree, topo);
    double[] stats = new double[tm.numTransitionIds() + 1];
    int ts = tm.tupleToTransitionState(1, 0, tree.compute(new int[] {1}, 0), tree.compute(new int[] {1}, 0));
    int loop = tm.selfLoopOf(ts);
    int fwd = tm.pairToTransitionId(ts, loop == tm.pairToTransitionId(ts, 0) ? 1 : 0);
    stats[loop] = 90;
    stats[fwd] = 10;
    int ts2 = tm.tupleToTransitionState(2, 0, tree.compute(new int[] {2}, 0), tree.compute(new int[] {2}, 0));
    stats[tm.selfLoopOf(ts2)] = 3; // below min count 5: unchanged
    float before = tm.transitionLogProb(tm.selfLoopOf(ts2));
    int ts3 = tm.tupleToTransitionState(1, 1, tree.compute(new int[] {1}, 1), tree.compute(new int[] {1}, 1));
    stats[tm.selfLoopOf(ts3)] = 1000; // forward count 0: floored at 0.01
    GmmUpdate.TransitionResult r = GmmUpdate.updateTransitions(TransitionUpdateOptions.defaults(), stats, tm);
    assertEquals(0.9f, tm.transitionProb(loop), 1e-6);
    assertEquals(0.1f, tm.transitionProb(fwd), 1e-6);
    assertEquals(before, tm.transitionLogProb(tm.selfLoopOf(ts2)));
    assertEquals(1, r.skipped());
    assertEquals(1, r.floored());
    assertTrue(tm.transitionProb(tm.selfLoopOf(ts3)) > 0.98f);
    assertTrue(r.objChange() > 0);
    assertEquals(1103, r.count(), 1e-9);
  }

  @Test
  void flagsParseAsKaldi() {
    assertEquals(15, DiagGmmAccs.parseFlags("mvwt"));
    assertEquals(7, DiagGmmAccs.augmentFlags(DiagGmmAccs.VARIANCES));
    assertThrows(IllegalArgumentException.class, () -> DiagGmmAccs.parseFlags("x"));
  }
}
