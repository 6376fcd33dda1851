package org.asrdistill.distill.ensemble;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Members' posteriors combined per frame: {@link Combination#ARITHMETIC} (log of the mean of the posteriors) or
 * {@link Combination#GEOMETRIC} (mean of the log posteriors, renormalised). Scaled log-likelihoods for decoding
 * subtract prior-scale x the first member's log priors (members are trained on the same alignments). Not
 * thread-safe.
 */
public final class Ensemble {
  /** How member posteriors are combined. */
  public enum Combination { ARITHMETIC, GEOMETRIC }

  /** Frames of the utterance groups forwarded together (several minibatches). */
  public static final int GROUP_FRAMES = 4096;

  private final List<ModelDir> members;
  private final Combination combination;

  public Ensemble(List<ModelDir> members, Combination combination) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    for (ModelDir m : members) {
      if (m.numPdfs() != members.get(0).numPdfs() || m.featureDim() != members.get(0).featureDim()) {
        throw new IllegalArgumentException("member " + m.dir() + " has " + m.numPdfs() + " outputs and feature "
            + "dimension " + m.featureDim() + "; " + members.get(0).dir() + " has " + members.get(0).numPdfs() + " and "
            + members.get(0).featureDim());
      }
    }
    this.members = List.copyOf(members);
    this.combination = combination;
  }

  public static Ensemble read(List<Path> dirs, Combination c, int maxBatch) throws IOException {
    List<ModelDir> m = new ArrayList<>();
    for (Path d : dirs) {
      m.add(ModelDir.read(d, maxBatch));
    }
    return new Ensemble(m, c);
  }

  public List<ModelDir> members() {
    return members;
  }

  public int numPdfs() {
    return members.get(0).numPdfs();
  }

  /** Combined log posteriors of an utterance's (unspliced) features, frames x pdfs. */
  public FloatMatrix logPosteriors(FloatMatrix feats) {
    return logPosteriors(List.of(feats)).get(0);
  }

  /** Combined log posteriors of several utterances, forwarded in shared minibatches (see ModelDir). */
  public List<FloatMatrix> logPosteriors(List<FloatMatrix> utts) {
    List<List<FloatMatrix>> byMember = new ArrayList<>();
    for (ModelDir m : members) {
      byMember.add(m.logLikelihoods(utts, 0f));
    }
    List<FloatMatrix> out = new ArrayList<>(utts.size());
    for (int u = 0; u < utts.size(); u++) {
      List<FloatMatrix> lp = new ArrayList<>(members.size());
      for (List<FloatMatrix> m : byMember) {
        lp.add(m.get(u));
      }
      out.add(combine(lp, numPdfs(), combination));
    }
    return out;
  }

  /**
   * Splits {@code utts} into consecutive groups of at least {@code frames} frames (the last may be smaller), the unit
   * in which utterances are forwarded together.
   */
  public static List<List<FrameStore.Utt>> groups(List<FrameStore.Utt> utts, int frames) {
    List<List<FrameStore.Utt>> g = new ArrayList<>();
    List<FrameStore.Utt> cur = new ArrayList<>();
    long n = 0;
    for (FrameStore.Utt u : utts) {
      cur.add(u);
      n += u.frames();
      if (n >= frames) {
        g.add(cur);
        cur = new ArrayList<>();
        n = 0;
      }
    }
    if (!cur.isEmpty()) {
      g.add(cur);
    }
    return g;
  }

  /** Combines member log posteriors (each frames x pdfs) row by row. */
  public static FloatMatrix combine(List<FloatMatrix> lp, int pdfs, Combination c) {
    int n = lp.get(0).rows();
    float[] out = new float[n * pdfs];
    int m = lp.size();
    double[] acc = new double[pdfs];
    for (int t = 0; t < n; t++) {
      int off = t * pdfs;
      if (c == Combination.GEOMETRIC) {
        java.util.Arrays.fill(acc, 0);
        for (FloatMatrix x : lp) {
          float[] d = x.data();
          for (int p = 0; p < pdfs; p++) {
            acc[p] += d[off + p];
          }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < pdfs; p++) {
          acc[p] /= m;
          max = Math.max(max, acc[p]);
        }
        double s = 0;
        for (int p = 0; p < pdfs; p++) {
          s += Math.exp(acc[p] - max);
        }
        double lse = max + Math.log(s);
        for (int p = 0; p < pdfs; p++) {
          out[off + p] = (float) (acc[p] - lse);
        }
      } else {
        for (int p = 0; p < pdfs; p++) {
          double max = Double.NEGATIVE_INFINITY;
          for (FloatMatrix x : lp) {
            max = Math.max(max, x.data()[off + p]);
          }
          double s = 0;
          for (FloatMatrix x : lp) {
            s += Math.exp(x.data()[off + p] - max);
          }
          out[off + p] = (float) (max + Math.log(s / m));
        }
      }
    }
    return new FloatMatrix(n, pdfs, out);
  }

  /** Log posteriors minus prior-scale x the log priors: what a hybrid decoder needs. */
  public FloatMatrix logLikelihoods(FloatMatrix feats, float priorScale) {
    FloatMatrix lp = logPosteriors(feats);
    if (priorScale != 0) {
      float[] prior = members.get(0).logPriors();
      float[] d = lp.data();
      int pdfs = numPdfs();
      for (int i = 0; i < d.length; i++) {
        d[i] -= priorScale * prior[i % pdfs];
      }
    }
    return lp;
  }

  /** Frame accuracy (argmax of the combined posteriors against the store's targets) over the given utterances. */
  public double frameAccuracy(FrameStore store, List<FrameStore.Utt> utts) {
    long[] c = frameCounts(store, utts);
    return c[0] / (double) Math.max(1, c[1]);
  }

  /** Correct and total frames (argmax of the combined posterior against the store's targets) over {@code utts}. */
  public long[] frameCounts(FrameStore store, List<FrameStore.Utt> utts) {
    long[][] c = memberFrameCounts(store, utts);
    return c[c.length - 1];
  }

  /**
   * Correct and total frames of each member and of the combination, from one forward pass of each member:
   * rows 0..members-1 are the members', the last row the combination's.
   */
  public long[][] memberFrameCounts(FrameStore store, List<FrameStore.Utt> utts) {
    int m = members.size();
    long[][] counts = new long[m + 1][2];
    int pdfs = numPdfs();
    for (List<FrameStore.Utt> g : groups(utts, GROUP_FRAMES)) {
      List<FloatMatrix> feats = new ArrayList<>(g.size());
      for (FrameStore.Utt u : g) {
        feats.add(store.features(u));
      }
      List<List<FloatMatrix>> byMember = new ArrayList<>();
      for (ModelDir md : members) {
        byMember.add(md.logLikelihoods(feats, 0f));
      }
      for (int j = 0; j < g.size(); j++) {
        FrameStore.Utt u = g.get(j);
        List<FloatMatrix> lp = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
          lp.add(byMember.get(i).get(j));
          count(lp.get(i).data(), pdfs, store, u, counts[i]);
        }
        count(m == 1 ? lp.get(0).data() : combine(lp, pdfs, combination).data(), pdfs, store, u, counts[m]);
      }
    }
    return counts;
  }

  private static void count(float[] d, int pdfs, FrameStore store, FrameStore.Utt u, long[] counts) {
    for (int t = 0; t < u.frames(); t++) {
      int best = 0;
      for (int p = 1; p < pdfs; p++) {
        if (d[t * pdfs + p] > d[t * pdfs + best]) {
          best = p;
        }
      }
      counts[0] += best == store.target(u.first() + t) ? 1 : 0;
    }
    counts[1] += u.frames();
  }
}
