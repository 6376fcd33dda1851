package org.asrdistill.acoustic.gmm;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.DiagGmm;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Maximum-likelihood re-estimation as Kaldi's {@code MleDiagGmmUpdate}, {@code MleAmDiagGmmUpdate},
 * {@code TransitionModel::MleUpdate}, and mixing up as {@code AmDiagGmm::SplitByCount} / {@code
 * DiagGmm::Split}. Inputs are never modified; new models are returned (transition probabilities are set
 * in place, as the transition model is the mutable part of a model).
 */
public final class GmmUpdate {
  private GmmUpdate() {
  }

  /** The outcome of updating one GMM. */
  public record Result(DiagGmm gmm, double objChange, double count, int flooredElements, int flooredGaussians,
      int removedGaussians) {
  }

  /** The outcome of updating all pdfs. */
  public record AmResult(AmDiagGmm am, double objChange, double count, int flooredElements, int flooredGaussians,
      int removedGaussians) {
  }

  /** The outcome of a transition update. */
  public record TransitionResult(double objChange, double count, int floored, int skipped) {
  }

  /**
   * Re-estimates the parts of {@code gmm} named by {@code flags} (bits of {@link DiagGmmAccs}) from the
   * statistics, as Kaldi's {@code MleDiagGmmUpdate}.
   */
  public static Result update(MleOptions opts, DiagGmmAccs acc, int flags, DiagGmm gmm) {
    if ((flags & ~acc.flags() & (DiagGmmAccs.MEANS | DiagGmmAccs.VARIANCES | DiagGmmAccs.WEIGHTS)) != 0) {
      throw new IllegalArgumentException("update flags " + flags + " need statistics the accumulators lack ("
          + acc.flags() + ")");
    }
    if (acc.numGauss() != gmm.numGauss() || acc.dim() != gmm.dim()) {
      throw new IllegalArgumentException("accumulators (" + acc.numGauss() + " x " + acc.dim()
          + ") do not match the GMM (" + gmm.numGauss() + " x " + gmm.dim() + ")");
    }
    int n = gmm.numGauss();
    int dim = gmm.dim();
    double occSum = acc.totalOccupancy();
    double objOld = acc.objective(gmm);
    float[] w0 = gmm.weights();
    float[] mi = gmm.meansInvVars().data();
    float[] iv = gmm.invVars().data();
    double[] weights = new double[n];
    double[] means = new double[n * dim];
    double[] vars = new double[n * dim];
    for (int i = 0; i < n * dim; i++) {
      vars[i] = 1.0 / iv[i];
      means[i] = mi[i] * vars[i];
    }
    for (int m = 0; m < n; m++) {
      weights[m] = w0[m];
    }
    boolean haveMeans = (acc.flags() & DiagGmmAccs.MEANS) != 0;
    boolean haveVars = (acc.flags() & DiagGmmAccs.VARIANCES) != 0;
    int floorElems = 0;
    int floorGauss = 0;
    List<Integer> remove = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      double occ = acc.occupancy[m];
      double prob = occSum > 0 ? occ / occSum : 1.0 / n;
      if (occ > opts.minGaussianOccupancy() && prob > opts.minGaussianWeight()) {
        weights[m] = prob;
        int o = m * dim;
        int flooredHere = 0;
        for (int d = 0; d < dim; d++) {
          double oldMean = means[o + d];
          double mean = haveMeans ? acc.meanAcc[o + d] / occ : oldMean;
          if (haveMeans) {
            means[o + d] = mean;
          }
          if (haveVars) {
            double var = acc.varAcc[o + d] / occ - mean * mean;
            if ((flags & DiagGmmAccs.MEANS) == 0) {
              var += (oldMean - mean) * (oldMean - mean);
            }
            if (var < opts.minVariance()) {
              var = opts.minVariance();
              flooredHere++;
            }
            vars[o + d] = var;
          }
        }
        if (flooredHere > 0) {
          floorElems += flooredHere;
          floorGauss++;
        }
      } else if (opts.removeLowCountGaussians() && remove.size() < n - 1) {
        remove.add(m);
      } else {
        weights[m] = Math.max(prob, opts.minGaussianWeight());
      }
    }
    DiagGmm updated = build(gmm, flags, weights, means, vars);
    double objNew = acc.objective(updated);
    if (!remove.isEmpty()) {
      updated = removeComponents(updated, remove);
    }
    return new Result(updated, objNew - objOld, occSum, floorElems, floorGauss, remove.size());
  }

  /** The GMM with the flagged parts taken from the normal-form estimates, the rest from {@code old}. */
  private static DiagGmm build(DiagGmm old, int flags, double[] weights, double[] means, double[] vars) {
    int n = old.numGauss();
    int dim = old.dim();
    float[] w = (flags & DiagGmmAccs.WEIGHTS) != 0 ? new float[n] : old.weights();
    if ((flags & DiagGmmAccs.WEIGHTS) != 0) {
      for (int m = 0; m < n; m++) {
        w[m] = (float) weights[m];
      }
    }
    float[] oldMi = old.meansInvVars().data();
    float[] oldIv = old.invVars().data();
    float[] iv = new float[n * dim];
    float[] mi = new float[n * dim];
    for (int i = 0; i < n * dim; i++) {
      double inv = (flags & DiagGmmAccs.VARIANCES) != 0 ? 1.0 / vars[i] : oldIv[i];
      double mean = (flags & DiagGmmAccs.MEANS) != 0 ? means[i] : (double) oldMi[i] / oldIv[i];
      iv[i] = (float) inv;
      mi[i] = (flags & (DiagGmmAccs.MEANS | DiagGmmAccs.VARIANCES)) != 0 ? (float) (mean * inv) : oldMi[i];
    }
    return new DiagGmm(w, new FloatMatrix(n, dim, mi), new FloatMatrix(n, dim, iv));
  }

  /** Kaldi's {@code RemoveComponents} with weight renormalisation. */
  static DiagGmm removeComponents(DiagGmm g, List<Integer> remove) {
    int n = g.numGauss();
    int dim = g.dim();
    int keep = n - remove.size();
    float[] w = g.weights();
    float[] mi = g.meansInvVars().data();
    float[] iv = g.invVars().data();
    float[] w2 = new float[keep];
    float[] mi2 = new float[keep * dim];
    float[] iv2 = new float[keep * dim];
    int k = 0;
    float sum = 0;
    for (int m = 0; m < n; m++) {
      if (!remove.contains(m)) {
        w2[k] = w[m];
        sum += w[m];
        System.arraycopy(mi, m * dim, mi2, k * dim, dim);
        System.arraycopy(iv, m * dim, iv2, k * dim, dim);
        k++;
      }
    }
    for (int m = 0; m < keep; m++) {
      w2[m] /= sum;
    }
    return new DiagGmm(w2, new FloatMatrix(keep, dim, mi2), new FloatMatrix(keep, dim, iv2));
  }

  /** Kaldi's {@code MleAmDiagGmmUpdate}: every pdf updated from its accumulators. */
  public static AmResult update(MleOptions opts, GmmAccs accs, int flags, AmDiagGmm am) {
    if (accs.numPdfs() != am.numPdfs()) {
      throw new IllegalArgumentException("accumulators have " + accs.numPdfs() + " pdfs, the model "
          + am.numPdfs());
    }
    List<DiagGmm> out = new ArrayList<>(am.numPdfs());
    double obj = 0;
    double count = 0;
    int fe = 0;
    int fg = 0;
    int rm = 0;
    for (int i = 0; i < am.numPdfs(); i++) {
      Result r = update(opts, accs.pdf(i), flags, am.pdf(i));
      out.add(r.gmm());
      obj += r.objChange();
      count += r.count();
      fe += r.flooredElements();
      fg += r.flooredGaussians();
      rm += r.removedGaussians();
    }
    return new AmResult(new AmDiagGmm(out), obj, count, fe, fg, rm);
  }

  /** Kaldi's {@code TransitionModel::MleUpdate} (without pdf sharing); sets the probabilities in place. */
  public static TransitionResult updateTransitions(TransitionUpdateOptions opts, double[] stats,
      TransitionModel tm) {
    if (stats.length != tm.numTransitionIds() + 1) {
      throw new IllegalArgumentException("transition stats have dimension " + stats.length + ", expected "
          + (tm.numTransitionIds() + 1));
    }
    float[] logProbs = new float[stats.length];
    for (int tid = 1; tid < stats.length; tid++) {
      logProbs[tid] = tm.transitionLogProb(tid);
    }
    double countSum = 0;
    double objf = 0;
    int skipped = 0;
    int floored = 0;
    for (int ts = 1; ts <= tm.numTransitionStates(); ts++) {
      int n = tm.numTransitionIndices(ts);
      if (n <= 1) {
        continue;
      }
      double[] counts = new double[n];
      double tot = 0;
      for (int k = 0; k < n; k++) {
        counts[k] = stats[tm.pairToTransitionId(ts, k)];
        tot += counts[k];
      }
      countSum += tot;
      if (tot < opts.minCount()) {
        skipped++;
        continue;
      }
      float[] p = new float[n];
      for (int k = 0; k < n; k++) {
        p[k] = (float) (counts[k] / tot);
      }
      for (int iter = 0; iter < 3; iter++) {
        float s = 0;
        for (float v : p) {
          s += v;
        }
        for (int k = 0; k < n; k++) {
          p[k] = Math.max(p[k] * (1.0f / s), (float) opts.floor());
        }
      }
      for (int k = 0; k < n; k++) {
        int tid = tm.pairToTransitionId(ts, k);
        if (p[k] == (float) opts.floor()) {
          floored++;
        }
        objf += counts[k] * (Math.log(p[k]) - logProbs[tid]);
        logProbs[tid] = (float) Math.log(p[k]);
      }
    }
    tm.setTransitionLogProbs(logProbs);
    return new TransitionResult(objf, countSum, floored, skipped);
  }

  /**
   * Kaldi's {@code GetSplitTargets}: the number of Gaussians per pdf when mixing up to {@code target} in
   * total, allocating in proportion to occupancy to the power {@code power}, with at least {@code minCount}
   * frames per Gaussian.
   */
  public static int[] splitTargets(double[] occs, int target, double power, double minCount) {
    record Entry(int pdf, int comps, double occ) {
    }
    PriorityQueue<Entry> q = new PriorityQueue<>((a, b) -> {
      int c = Double.compare(b.occ / (b.comps + 1e-10), a.occ / (a.comps + 1e-10));
      return c != 0 ? c : Integer.compare(a.pdf, b.pdf);
    });
    for (int i = 0; i < occs.length; i++) {
      q.add(new Entry(i, 1, Math.pow(occs[i], power)));
    }
    for (int numGauss = occs.length; numGauss < target;) {
      Entry e = q.poll();
      if (e.occ == 0) {
        q.add(e);
        break;
      }
      if ((e.comps + 1) * minCount >= occs[e.pdf]) {
        q.add(new Entry(e.pdf, e.comps, 0));
      } else {
        q.add(new Entry(e.pdf, e.comps + 1, e.occ));
        numGauss++;
      }
    }
    int[] targets = new int[occs.length];
    for (Entry e : q) {
      targets[e.pdf] = e.comps;
    }
    return targets;
  }

  /**
   * Kaldi's {@code DiagGmm::Split}: repeatedly halves the heaviest component, moving the two means apart by
   * {@code perturbFactor} standard deviations in a random direction, until there are {@code target}.
   */
  public static DiagGmm split(DiagGmm g, int target, double perturbFactor, Random rng) {
    int cur = g.numGauss();
    if (target < cur) {
      throw new IllegalArgumentException("cannot split from " + cur + " to " + target + " components");
    }
    if (target == cur) {
      return g;
    }
    int dim = g.dim();
    float[] w = java.util.Arrays.copyOf(g.weights(), target);
    float[] mi = java.util.Arrays.copyOf(g.meansInvVars().data(), target * dim);
    float[] iv = java.util.Arrays.copyOf(g.invVars().data(), target * dim);
    while (cur < target) {
      int max = 0;
      for (int i = 1; i < cur; i++) {
        if (w[i] > w[max]) {
          max = i;
        }
      }
      w[max] /= 2;
      w[cur] = w[max];
      for (int d = 0; d < dim; d++) {
        float r = (float) (rng.nextGaussian() * Math.sqrt(iv[max * dim + d]));
        iv[cur * dim + d] = iv[max * dim + d];
        mi[cur * dim + d] = mi[max * dim + d] + (float) perturbFactor * r;
        mi[max * dim + d] -= (float) perturbFactor * r;
      }
      cur++;
    }
    return new DiagGmm(w, new FloatMatrix(target, dim, mi), new FloatMatrix(target, dim, iv));
  }

  /** Kaldi's {@code AmDiagGmm::SplitByCount}. */
  public static AmDiagGmm splitByCount(AmDiagGmm am, double[] occs, int target, double perturbFactor,
      double power, double minCount, Random rng) {
    if (occs.length != am.numPdfs()) {
      throw new IllegalArgumentException("occs must have " + am.numPdfs() + " entries; got: " + occs.length);
    }
    int[] targets = splitTargets(occs, target, power, minCount);
    List<DiagGmm> out = new ArrayList<>();
    for (int i = 0; i < am.numPdfs(); i++) {
      DiagGmm g = am.pdf(i);
      out.add(g.numGauss() < targets[i] ? split(g, targets[i], perturbFactor, rng) : g);
    }
    return new AmDiagGmm(out);
  }
}
