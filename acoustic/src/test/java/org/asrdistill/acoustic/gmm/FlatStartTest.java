package org.asrdistill.acoustic.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asrdistill.acoustic.io.Bytes;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class FlatStartTest {
  /** Phones 1-3: 3-state left-to-right; phone 4 (silence): 1 state. */
  static HmmTopology topo() {
    return HmmTopology.generate(3, 1, new int[] {1, 2, 3}, new int[] {4});
  }

  @Test
  void initMonoAsKaldi() {
    FlatStart.Mono m = FlatStart.initMono(topo(), new double[] {1, 2}, new double[] {4, 0.25}, null, 0, null);
    assertEquals(10, m.model().am().numPdfs());
    assertEquals(10, m.tree().numPdfs());
    assertEquals(10, m.model().transitionModel().numTransitionStates());
    assertEquals(0.25f, m.model().am().pdf(3).invVars().get(0, 0));
    assertEquals(8f, m.model().am().pdf(9).meansInvVars().get(0, 1));
    FlatStart.Mono shared = FlatStart.initMono(topo(), new double[] {1}, new double[] {1},
        List.of(new int[] {1, 2}, new int[] {3}, new int[] {4}), 0, null);
    assertEquals(7, shared.model().am().numPdfs());
  }

  @Test
  void equalAlignmentSharesFramesAmongStates() {
    FlatStart.Mono m = FlatStart.initMono(topo(), new double[] {0}, new double[] {1}, null, 0, null);
    TransitionModel tm = m.model().transitionModel();
    int[] phones = {4, 1, 2, 4};
    int[] ali = FlatStart.equalAlign(tm, m.tree(), phones, 20, true);
    assertEquals(20, ali.length);
    // 8 states, 12 frames beyond one each: one more each, and the first 4 states another
    int[][] lengths = Alignments.phoneLengths(tm, ali);
    assertArrayEquals(new int[] {4, 3}, lengths[0]);
    assertArrayEquals(new int[] {1, 3 + 3 + 3}, lengths[1]);
    assertArrayEquals(new int[] {2, 2 + 2 + 2}, lengths[2]);
    assertArrayEquals(new int[] {4, 2}, lengths[3]);
    assertTrue(!tm.isSelfLoop(ali[0]) && tm.isSelfLoop(ali[1]), "reordered: forward transition first");
    assertArrayEquals(phones, Alignments.toPhones(tm, ali, false));
    int[] plain = FlatStart.equalAlign(tm, m.tree(), phones, 20, false);
    assertTrue(tm.isSelfLoop(plain[0]) && !tm.isSelfLoop(plain[2]));
    assertArrayEquals(Alignments.toPdfs(tm, ali), Alignments.toPdfs(tm, plain));
    assertEquals(8, FlatStart.equalAlign(tm, m.tree(), phones, 8, true).length);
    assertNull(FlatStart.equalAlign(tm, m.tree(), phones, 7, true));
  }

  @Test
  void accumulatorsRoundTripInBinaryAndText() throws IOException {
    FlatStart.Mono m = FlatStart.initMono(topo(), new double[] {0, 0}, new double[] {1, 1}, null, 0, null);
    GmmModel model = m.model();
    GmmAccs accs = GmmAccs.zeros(model, DiagGmmAccs.ALL);
    Random rng = new Random(5);
    FloatMatrix x = Synthetic.fromGmm(rng, 12, new double[] {1}, new double[][] {{1, 2}}, new double[][] {{1, 1}});
    int[] ali = FlatStart.equalAlign(model.transitionModel(), m.tree(), new int[] {1, 4}, 12, true);
    accs.accumulateAlignment(model, x, ali);
    for (boolean binary : new boolean[] {true, false}) {
      byte[] b = Bytes.write(accs, binary, (o, a, bin) -> a.write(o, bin));
      GmmAccs back = Bytes.read(b, GmmAccs::read);
      assertEquals(12, back.totalFrames());
      assertEquals(accs.totalLogLike(), back.totalLogLike(), binary ? 0 : 1e-4 * Math.abs(accs.totalLogLike()));
      assertArrayEquals(accs.transitionAccs(), back.transitionAccs());
      assertArrayEquals(accs.pdfOccupancies(), back.pdfOccupancies(), 1e-6);
      assertArrayEquals(b, Bytes.write(back, binary, (o, a, bin) -> a.write(o, bin)));
      if (!binary) {
        assertTrue(Bytes.text(b).contains("<GMMACCS> <VECSIZE> 2 <NUMCOMPONENTS> 1 <FLAGS> 15 <OCCUPANCY>"),
            Bytes.text(b));
      }
    }
    GmmAccs sum = GmmAccs.zeros(model, DiagGmmAccs.ALL);
    sum.add(1.0, accs);
    sum.add(1.0, accs);
    assertEquals(24, sum.totalFrames());
  }

  /**
   * End to end on a synthetic 3-phone language: each (phone, state) emits from its own Gaussian; a flat
   * start (global mean/variance, equal alignment, EM without realignment, mixing up) must raise the
   * per-frame log likelihood.
   */
  @Test
  void flatStartImprovesLikelihoodOnSyntheticLanguage() {
    Random rng = new Random(11);
    int dim = 3;
    HmmTopology topo = topo();
    double[][][] means = new double[5][3][dim];
    for (int ph = 1; ph <= 4; ph++) {
      for (int s = 0; s < 3; s++) {
        for (int d = 0; d < dim; d++) {
          means[ph][s][d] = 4 * rng.nextGaussian();
        }
      }
    }
    List<int[]> transcripts = new ArrayList<>();
    List<FloatMatrix> feats = new ArrayList<>();
    FlatStart.GlobalStats global = new FlatStart.GlobalStats(dim);
    for (int u = 0; u < 40; u++) {
      int n = 3 + rng.nextInt(4);
      int[] phones = new int[n + 2];
      phones[0] = 4;
      phones[n + 1] = 4;
      List<float[]> frames = new ArrayList<>();
      for (int i = 0; i < phones.length; i++) {
        if (i > 0 && i <= n) {
          phones[i] = 1 + rng.nextInt(3);
        }
        int states = phones[i] == 4 ? 1 : 3;
        for (int s = 0; s < states; s++) {
          int dur = 3 + rng.nextInt(6);
          for (int k = 0; k < dur; k++) {
            float[] f = new float[dim];
            for (int d = 0; d < dim; d++) {
              f[d] = (float) (means[phones[i]][s][d] + rng.nextGaussian());
            }
            frames.add(f);
          }
        }
      }
      float[] data = new float[frames.size() * dim];
      for (int t = 0; t < frames.size(); t++) {
        System.arraycopy(frames.get(t), 0, data, t * dim, dim);
      }
      FloatMatrix m = new FloatMatrix(frames.size(), dim, data);
      transcripts.add(phones);
      feats.add(m);
      global.add(m);
    }
    FlatStart.Mono mono = FlatStart.initMono(topo, global.mean(), global.variance(), null, 0, null);
    GmmModel model = mono.model();
    List<int[]> alis = new ArrayList<>();
    for (int u = 0; u < feats.size(); u++) {
      alis.add(FlatStart.equalAlign(model.transitionModel(), mono.tree(), transcripts.get(u), feats.get(u).rows(),
          true));
    }
    double first = Double.NaN;
    double last = Double.NaN;
    for (int iter = 0; iter < 4; iter++) {
      GmmAccs accs = GmmAccs.zeros(model, DiagGmmAccs.ALL);
      for (int u = 0; u < feats.size(); u++) {
        accs.accumulateAlignment(model, feats.get(u), alis.get(u));
      }
      double perFrame = accs.totalLogLike() / accs.totalFrames();
      if (iter == 0) {
        first = perFrame;
      } else {
        assertTrue(perFrame > last - 1e-3, "iteration " + iter + ": " + perFrame + " < " + last);
      }
      last = perFrame;
      GmmUpdate.updateTransitions(TransitionUpdateOptions.defaults(), accs.transitionAccs(),
          model.transitionModel());
      GmmUpdate.AmResult r = GmmUpdate.update(MleOptions.defaults(), accs, DiagGmmAccs.ALL, model.am());
      model = new GmmModel(model.transitionModel(),
          GmmUpdate.splitByCount(r.am(), accs.pdfOccupancies(), 20 + 5 * iter, 0.01, 0.2, 20, new Random(iter)));
    }
    assertTrue(last > first + 0.5, "per-frame log likelihood " + first + " -> " + last);
    assertTrue(model.am().numGauss() > 10);
  }
}
