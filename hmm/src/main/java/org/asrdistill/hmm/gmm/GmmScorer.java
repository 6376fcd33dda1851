package org.asrdistill.hmm.gmm;

import java.util.List;

/**
 * An {@link AmDiagGmm} flattened for fast likelihood evaluation: per Gaussian, its gconst and the interleaved
 * rows {@code [mean/var (dim), 1/var (dim)]}, so that a component's log likelihood is one dot product with the
 * frame's {@code [x, -x^2/2]} vector (Kaldi's {@code DiagGmm::LogLikelihoods} with data_squared). Immutable and
 * thread-safe; build once per model.
 */
public final class GmmScorer {
  private final int dim;
  private final int[] pdfStart;
  private final float[] gconst;
  private final float[] params;

  public GmmScorer(AmDiagGmm am) {
    this.dim = am.dim();
    List<DiagGmm> pdfs = am.pdfs();
    pdfStart = new int[pdfs.size() + 1];
    for (int p = 0; p < pdfs.size(); p++) {
      pdfStart[p + 1] = pdfStart[p] + pdfs.get(p).numGauss();
    }
    int total = pdfStart[pdfs.size()];
    gconst = new float[total];
    params = new float[total * 2 * dim];
    for (int p = 0; p < pdfs.size(); p++) {
      DiagGmm g = pdfs.get(p);
      float[] gc = g.gconsts();
      float[] mi = g.meansInvVars().data();
      float[] iv = g.invVars().data();
      for (int m = 0; m < g.numGauss(); m++) {
        int k = pdfStart[p] + m;
        gconst[k] = gc[m];
        System.arraycopy(mi, m * dim, params, k * 2 * dim, dim);
        System.arraycopy(iv, m * dim, params, k * 2 * dim + dim, dim);
      }
    }
  }

  public int dim() {
    return dim;
  }

  public int numPdfs() {
    return pdfStart.length - 1;
  }

  /** Fills {@code v} (length 2 dim) with {@code [x, -x^2/2]} of frame {@code t} of row-major {@code frames}. */
  public void prepare(float[] frames, int t, float[] v) {
    int o = t * dim;
    for (int d = 0; d < dim; d++) {
      float x = frames[o + d];
      v[d] = x;
      v[dim + d] = -0.5f * x * x;
    }
  }

  /** The largest number of Gaussians of one pdf (the scratch size {@link #logLikelihood} needs). */
  public int maxGaussPerPdf() {
    int m = 0;
    for (int p = 0; p + 1 < pdfStart.length; p++) {
      m = Math.max(m, pdfStart[p + 1] - pdfStart[p]);
    }
    return m;
  }

  /**
   * Log likelihood of pdf {@code p} for a frame prepared by {@link #prepare}: log-sum-exp over its Gaussians.
   * {@code tmp} is scratch space of at least {@link #maxGaussPerPdf()} floats.
   */
  public float logLikelihood(int p, float[] v, float[] tmp) {
    int a = pdfStart[p];
    int b = pdfStart[p + 1];
    int n2 = 2 * dim;
    if (b - a == 1) {
      return component(a, v, n2);
    }
    float max = Float.NEGATIVE_INFINITY;
    for (int k = a; k < b; k++) {
      float s = component(k, v, n2);
      tmp[k - a] = s;
      if (s > max) {
        max = s;
      }
    }
    if (max == Float.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < b - a; i++) {
      float s = tmp[i];
      if (s - max > -30f) {
        sum += Math.exp(s - max);
      }
    }
    return (float) (max + Math.log(sum));
  }

  private float component(int k, float[] v, int n2) {
    int o = k * n2;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < n2; d += 4) {
      s0 += v[d] * params[o + d];
      s1 += v[d + 1] * params[o + d + 1];
      s2 += v[d + 2] * params[o + d + 2];
      s3 += v[d + 3] * params[o + d + 3];
    }
    for (; d < n2; d++) {
      s0 += v[d] * params[o + d];
    }
    return gconst[k] + ((s0 + s1) + (s2 + s3));
  }
}
