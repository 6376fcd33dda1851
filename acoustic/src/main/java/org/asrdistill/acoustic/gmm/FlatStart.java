package org.asrdistill.acoustic.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.DiagGmm;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * The start of monophone training: Kaldi's {@code gmm-init-mono} (one Gaussian per pdf at the global mean
 * and variance) and an equal alignment of an utterance given its phone sequence (the semantics of {@code
 * align-equal-compiled} on a linear training graph: every HMM state of every phone is visited, and the
 * frames beyond one per state are shared equally among the states with self-loops, earlier states taking
 * the remainder).
 */
public final class FlatStart {
  private FlatStart() {
  }

  /** A monophone model and its tree. */
  public record Mono(GmmModel model, ContextDependency tree) {
  }

  /** Global feature statistics (count, sum, sum of squares) in double, as gmm-init-mono --train-feats. */
  public static final class GlobalStats {
    private final int dim;
    private final double[] sum;
    private final double[] sumSq;
    private double count;

    public GlobalStats(int dim) {
      if (dim <= 0) {
        throw new IllegalArgumentException("dim must be > 0; got: " + dim);
      }
      this.dim = dim;
      sum = new double[dim];
      sumSq = new double[dim];
    }

    public void add(FloatMatrix frames) {
      if (frames.rows() > 0 && frames.cols() != dim) {
        throw new IllegalArgumentException("frames must have dimension " + dim + "; got: " + frames.cols());
      }
      float[] f = frames.data();
      for (int t = 0; t < frames.rows(); t++) {
        for (int d = 0; d < dim; d++) {
          double x = f[t * dim + d];
          sum[d] += x;
          sumSq[d] += x * x;
        }
        count++;
      }
    }

    public double count() {
      return count;
    }

    public double[] mean() {
      double[] m = new double[dim];
      for (int d = 0; d < dim; d++) {
        m[d] = sum[d] / count;
      }
      return m;
    }

    /** The variances; throws if any is not positive (Kaldi's "bad variance"). */
    public double[] variance() {
      if (count == 0) {
        throw new IllegalStateException("no features were seen");
      }
      double[] v = new double[dim];
      for (int d = 0; d < dim; d++) {
        double m = sum[d] / count;
        v[d] = sumSq[d] / count - m * m;
        if (!(v[d] > 0)) {
          throw new IllegalStateException("bad variance " + v[d] + " in dimension " + d);
        }
      }
      return v;
    }
  }

  /**
   * Kaldi's {@code gmm-init-mono}: the monophone tree (phones of a shared set share pdfs when {@code
   * sharedPhones} is non-null) and one single-Gaussian GMM per pdf with the given mean and variance (Kaldi
   * uses mean 1 and variance 1 without {@code --train-feats}), means perturbed by {@code perturbFactor}
   * standard deviations.
   */
  public static Mono initMono(HmmTopology topo, double[] mean, double[] var, List<int[]> sharedPhones,
      double perturbFactor, Random rng) {
    int dim = mean.length;
    if (dim <= 0 || var.length != dim) {
      throw new IllegalArgumentException("mean and var must have the same positive dimension; got: " + dim
          + ", " + var.length);
    }
    int[] numPdfClasses = topo.phoneToNumPdfClasses();
    ContextDependency tree = sharedPhones == null ? ContextDependency.monophone(topo.phones(), numPdfClasses)
        : ContextDependency.monophoneShared(sharedPhones, numPdfClasses);
    float[] iv = new float[dim];
    float[] mi = new float[dim];
    for (int d = 0; d < dim; d++) {
      if (!(var[d] > 0)) {
        throw new IllegalArgumentException("variances must be > 0; got: " + var[d]);
      }
      iv[d] = (float) (1.0 / var[d]);
      mi[d] = (float) mean[d] * iv[d];
    }
    DiagGmm g = new DiagGmm(new float[] {1f}, new FloatMatrix(1, dim, mi), new FloatMatrix(1, dim, iv));
    List<DiagGmm> pdfs = new ArrayList<>();
    for (int i = 0; i < tree.numPdfs(); i++) {
      pdfs.add(perturbFactor == 0 ? g : perturb(g, perturbFactor, rng));
    }
    TransitionModel tm = TransitionModel.create(tree, topo);
    return new Mono(new GmmModel(tm, new AmDiagGmm(pdfs)), tree);
  }

  /** Kaldi's {@code DiagGmm::Perturb}. */
  private static DiagGmm perturb(DiagGmm g, double factor, Random rng) {
    float[] mi = g.meansInvVars().data();
    float[] iv = g.invVars().data();
    for (int i = 0; i < mi.length; i++) {
      mi[i] += (float) (factor * rng.nextGaussian() * Math.sqrt(iv[i]));
    }
    return new DiagGmm(g.weights(), new FloatMatrix(g.numGauss(), g.dim(), mi), g.invVars());
  }

  /**
   * An equal alignment (transition-ids, one per frame) of {@code numFrames} frames to the phone sequence,
   * with each phone's pdfs from {@code tree} in its phone context; {@code reorder} puts each state's
   * self-loops after its forward transition, as Kaldi's default graphs do. Returns null when there are
   * fewer frames than HMM states on the path (or more frames but no self-loops).
   */
  public static int[] equalAlign(TransitionModel tm, ContextDependency tree, int[] phones, int numFrames,
      boolean reorder) {
    int n = tree.contextWidth();
    int p = tree.centralPosition();
    List<int[]> states = new ArrayList<>(); // {forward tid, self-loop tid or 0}
    for (int i = 0; i < phones.length; i++) {
      int phone = phones[i];
      if (!tm.topology().covers(phone)) {
        throw new IllegalArgumentException("phone " + phone + " is not in the topology");
      }
      int[] window = new int[n];
      for (int j = 0; j < n; j++) {
        int k = i + j - p;
        window[j] = k >= 0 && k < phones.length ? phones[k] : 0;
      }
      HmmTopology.Entry e = tm.topology().topologyForPhone(phone);
      int s = 0;
      int finalState = e.size() - 1;
      while (s != finalState) {
        HmmTopology.State st = e.state(s);
        if (st.forwardPdfClass() == HmmTopology.NO_PDF) {
          throw new IllegalArgumentException("phone " + phone + ": non-emitting state " + s
              + " before the final state is not supported");
        }
        int next = -1;
        int index = -1;
        for (int k = 0; k < st.numTransitions(); k++) {
          int d = st.destination(k);
          if (d > s && (next < 0 || d < next)) {
            next = d;
            index = k;
          }
        }
        if (next < 0) {
          throw new IllegalArgumentException("phone " + phone + ": state " + s + " has no forward transition");
        }
        int fwdPdf = pdf(tree, window, st.forwardPdfClass());
        int loopPdf = pdf(tree, window, st.selfLoopPdfClass());
        int ts = tm.tupleToTransitionState(phone, s, fwdPdf, loopPdf);
        states.add(new int[] {tm.pairToTransitionId(ts, index), tm.selfLoopOf(ts)});
        s = next;
      }
    }
    int extra = numFrames - states.size();
    int numLoops = (int) states.stream().filter(x -> x[1] != 0).count();
    if (extra < 0 || (extra > 0 && numLoops == 0)) {
      return null;
    }
    int base = numLoops == 0 ? 0 : extra / numLoops;
    int rem = numLoops == 0 ? 0 : extra % numLoops;
    int[] ali = new int[numFrames];
    int t = 0;
    int loopIndex = 0;
    for (int[] st : states) {
      int loops = 0;
      if (st[1] != 0) {
        loops = base + (loopIndex < rem ? 1 : 0);
        loopIndex++;
      }
      if (reorder) {
        ali[t++] = st[0];
      }
      Arrays.fill(ali, t, t + loops, st[1]);
      t += loops;
      if (!reorder) {
        ali[t++] = st[0];
      }
    }
    return ali;
  }

  private static int pdf(ContextDependency tree, int[] window, int pdfClass) {
    int pdf = tree.compute(window, pdfClass);
    if (pdf < 0) {
      throw new IllegalArgumentException("the tree has no pdf for phone window " + Arrays.toString(window)
          + " and pdf class " + pdfClass);
    }
    return pdf;
  }
}
