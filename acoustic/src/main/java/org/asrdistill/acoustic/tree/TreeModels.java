package org.asrdistill.acoustic.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.DiagGmm;
import org.asrdistill.hmm.tree.EventMap;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/** Kaldi's {@code gmm-init-model}: one Gaussian per tree leaf from the tree statistics that map to it. */
public final class TreeModels {
  private TreeModels() {
  }

  /**
   * One single-Gaussian GMM per pdf of {@code toPdf} with the mean and (floored) variance of its statistics;
   * pdfs without statistics get the global statistics, with a warning (as Kaldi's {@code InitAmGmm}).
   */
  public static AmDiagGmm initGmms(TreeStats stats, EventMap toPdf, double varFloor, Consumer<String> warn) {
    int numPdfs = toPdf.maxResult() + 1;
    List<TreeBuilder.Item> items = TreeBuilder.items(stats);
    List<List<TreeBuilder.Item>> split = TreeBuilder.splitByMap(items, toPdf, numPdfs);
    GaussStats global = TreeBuilder.sum(items);
    if (global == null || !(global.count() > 0)) {
      throw new IllegalArgumentException("no statistics available to initialise the GMMs");
    }
    List<DiagGmm> pdfs = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      GaussStats g = TreeBuilder.sum(split.get(i));
      if (g == null || !(g.count() > 0)) {
        warn.accept("Tree has pdf-id " + i + " with no stats; using the global statistics");
        g = global;
      } else if (g.count() < 100) {
        warn.accept("Very small count for state " + i + ": " + g.count());
      }
      double[][] mv = g.meanAndVariance(varFloor);
      int dim = g.dim();
      float[] mi = new float[dim];
      float[] iv = new float[dim];
      for (int d = 0; d < dim; d++) {
        iv[d] = (float) (1.0 / mv[1][d]);
        mi[d] = (float) (mv[0][d] / mv[1][d]);
      }
      pdfs.add(new DiagGmm(new float[] {1f}, new FloatMatrix(1, dim, mi), new FloatMatrix(1, dim, iv)));
    }
    return new AmDiagGmm(pdfs);
  }

  /** The occupancy of each pdf (Kaldi's {@code GetOccs}, for {@code --write-occs}). */
  public static double[] occupancies(TreeStats stats, EventMap toPdf) {
    List<List<TreeBuilder.Item>> split = TreeBuilder.splitByMap(TreeBuilder.items(stats), toPdf,
        toPdf.maxResult() + 1);
    double[] occ = new double[split.size()];
    for (int i = 0; i < occ.length; i++) {
      occ[i] = TreeBuilder.sumCount(split.get(i));
    }
    return occ;
  }
}
