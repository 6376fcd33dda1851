package org.asrdistill.acoustic.gmm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.acoustic.io.KaldiDoubles;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * The statistics file of {@code gmm-acc-stats-ali}: transition counts (Kaldi's {@code Vector<double>}
 * indexed by transition-id) followed by Kaldi's {@code AccumAmDiagGmm} ({@code <NUMPDFS> n} accumulators,
 * {@code <total_like>}, {@code <total_frames>}). Mutable; not thread-safe.
 */
public final class GmmAccs {
  private final double[] transitionAccs;
  private final List<DiagGmmAccs> pdfAccs;
  private double totalLogLike;
  private double totalFrames;

  private GmmAccs(double[] transitionAccs, List<DiagGmmAccs> pdfAccs) {
    this.transitionAccs = transitionAccs;
    this.pdfAccs = pdfAccs;
  }

  /** Zero statistics shaped as the model, as Kaldi's {@code InitStats} and {@code Init(am, flags)}. */
  public static GmmAccs zeros(GmmModel model, int flags) {
    List<DiagGmmAccs> accs = new ArrayList<>();
    AmDiagGmm am = model.am();
    for (int i = 0; i < am.numPdfs(); i++) {
      accs.add(new DiagGmmAccs(am.pdf(i).numGauss(), am.dim(), flags));
    }
    return new GmmAccs(new double[model.transitionModel().numTransitionIds() + 1], accs);
  }

  public int numPdfs() {
    return pdfAccs.size();
  }

  public DiagGmmAccs pdf(int i) {
    return pdfAccs.get(i);
  }

  /** Transition counts indexed by transition-id (index 0 unused); the live array. */
  public double[] transitionAccs() {
    return transitionAccs;
  }

  public double totalLogLike() {
    return totalLogLike;
  }

  public double totalFrames() {
    return totalFrames;
  }

  /** Occupancy of each pdf. */
  public double[] pdfOccupancies() {
    double[] o = new double[pdfAccs.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = pdfAccs.get(i).totalOccupancy();
    }
    return o;
  }

  /**
   * Accumulates one utterance with its transition-id alignment (as {@code gmm-acc-stats-ali}); returns its
   * total log likelihood.
   */
  public double accumulateAlignment(GmmModel model, FloatMatrix frames, int[] alignment) {
    if (frames.rows() != alignment.length) {
      throw new IllegalArgumentException("alignment has " + alignment.length + " frames but the features have "
          + frames.rows());
    }
    TransitionModel tm = model.transitionModel();
    double like = 0;
    for (int t = 0; t < alignment.length; t++) {
      int tid = alignment[t];
      int pdf = tm.transitionIdToPdf(tid);
      transitionAccs[tid] += 1.0;
      like += pdfAccs.get(pdf).accumulateFromGmm(model.am().pdf(pdf), frames.row(t), 1.0);
    }
    totalLogLike += like;
    totalFrames += alignment.length;
    return like;
  }

  /** Adds {@code scale} times {@code other} (same model shape), as {@code gmm-sum-accs}. */
  public void add(double scale, GmmAccs other) {
    if (other.transitionAccs.length != transitionAccs.length || other.pdfAccs.size() != pdfAccs.size()) {
      throw new IllegalArgumentException("accumulators are for different models: " + (transitionAccs.length - 1)
          + " vs " + (other.transitionAccs.length - 1) + " transition-ids, " + pdfAccs.size() + " vs "
          + other.pdfAccs.size() + " pdfs");
    }
    for (int i = 0; i < transitionAccs.length; i++) {
      transitionAccs[i] += scale * other.transitionAccs[i];
    }
    for (int i = 0; i < pdfAccs.size(); i++) {
      pdfAccs.get(i).add(scale, other.pdfAccs.get(i));
    }
    totalLogLike += scale * other.totalLogLike;
    totalFrames += scale * other.totalFrames;
  }

  public static GmmAccs read(KaldiInput in, boolean binary) throws IOException {
    double[] trans = KaldiDoubles.readVector(in, binary, "transition accs");
    in.expectToken("<NUMPDFS>");
    long at = in.offset();
    int n = KaldiObjects.readInt(in, binary, "number of pdfs");
    if (n <= 0 || n > 1 << 24) {
      throw in.error(at, "bad number of pdfs " + n);
    }
    List<DiagGmmAccs> accs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      DiagGmmAccs a = DiagGmmAccs.read(in, binary);
      if (i > 0 && a.dim() != accs.get(0).dim()) {
        throw new KaldiFormatException(in.name(), in.key(), in.offset(), "accumulator " + i + " has dimension "
            + a.dim() + ", the first has " + accs.get(0).dim());
      }
      accs.add(a);
    }
    GmmAccs g = new GmmAccs(trans, accs);
    if (KaldiObjects.peek(in, binary) >= 0) { // older accumulators end here
      in.expectToken("<total_like>");
      g.totalLogLike = KaldiDoubles.readDouble(in, binary, "total_like");
      in.expectToken("<total_frames>");
      g.totalFrames = KaldiDoubles.readDouble(in, binary, "total_frames");
    }
    return g;
  }

  public void write(KaldiOutput out, boolean binary) throws IOException {
    KaldiDoubles.writeVector(out, binary, transitionAccs);
    out.writeToken("<NUMPDFS>");
    KaldiObjects.writeInt(out, binary, pdfAccs.size());
    for (DiagGmmAccs a : pdfAccs) {
      a.write(out, binary);
    }
    out.writeToken("<total_like>");
    KaldiDoubles.writeDouble(out, binary, totalLogLike);
    out.writeToken("<total_frames>");
    KaldiDoubles.writeDouble(out, binary, totalFrames);
  }

  public static GmmAccs readFile(String rxfilename) throws IOException {
    return KaldiObjects.readFile(rxfilename, GmmAccs::read);
  }

  public void writeFile(String wxfilename, boolean binary) throws IOException {
    KaldiObjects.writeFile(wxfilename, this, binary, (o, a, b) -> a.write(o, b));
  }
}
