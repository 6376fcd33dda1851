package org.asrdistill.hmm.gmm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/**
 * Kaldi's {@code AmDiagGmm}: one {@link DiagGmm} per pdf, all of the same dimension. Format:
 * {@code <DIMENSION> dim <NUMPDFS> n <DiagGMM> ... </DiagGMM> ...}. Immutable.
 */
public final class AmDiagGmm {
  private final List<DiagGmm> pdfs;

  public AmDiagGmm(List<DiagGmm> pdfs) {
    if (pdfs.isEmpty()) {
      throw new IllegalArgumentException("an acoustic model needs at least one pdf");
    }
    int dim = pdfs.get(0).dim();
    for (int i = 0; i < pdfs.size(); i++) {
      if (pdfs.get(i).dim() != dim) {
        throw new IllegalArgumentException("pdf " + i + " has dimension " + pdfs.get(i).dim() + ", expected " + dim);
      }
    }
    this.pdfs = List.copyOf(pdfs);
  }

  public int numPdfs() {
    return pdfs.size();
  }

  public int dim() {
    return pdfs.get(0).dim();
  }

  public DiagGmm pdf(int i) {
    if (i < 0 || i >= pdfs.size()) {
      throw new IllegalArgumentException("pdf must be in [0, " + pdfs.size() + "); got: " + i);
    }
    return pdfs.get(i);
  }

  public List<DiagGmm> pdfs() {
    return pdfs;
  }

  /** Total number of Gaussians over all pdfs. */
  public int numGauss() {
    return pdfs.stream().mapToInt(DiagGmm::numGauss).sum();
  }

  /** Log likelihood of one frame under pdf {@code i}. */
  public float logLikelihood(int i, float[] frame) {
    return pdf(i).logLikelihood(frame);
  }

  /** Reads as Kaldi's {@code AmDiagGmm::Read}. */
  public static AmDiagGmm read(KaldiInput in, boolean binary) throws IOException {
    in.expectToken("<DIMENSION>");
    long at = in.offset();
    int dim = KaldiObjects.readInt(in, binary, "dimension");
    in.expectToken("<NUMPDFS>");
    long nat = in.offset();
    int n = KaldiObjects.readInt(in, binary, "number of pdfs");
    if (n <= 0 || n > 1 << 24) {
      throw in.error(nat, "bad number of pdfs " + n);
    }
    List<DiagGmm> pdfs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long gat = in.offset();
      DiagGmm g = DiagGmm.read(in, binary);
      if (g.dim() != dim) {
        throw in.error(gat, "pdf " + i + " has dimension " + g.dim() + " but <DIMENSION> is " + dim
            + " (declared at byte " + at + ")");
      }
      pdfs.add(g);
    }
    return new AmDiagGmm(pdfs);
  }

  /** Writes as Kaldi's {@code AmDiagGmm::Write}. */
  public void write(KaldiOutput out, boolean binary) throws IOException {
    out.writeToken("<DIMENSION>");
    KaldiObjects.writeInt(out, binary, dim());
    out.writeToken("<NUMPDFS>");
    KaldiObjects.writeInt(out, binary, pdfs.size());
    for (DiagGmm g : pdfs) {
      g.write(out, binary);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AmDiagGmm a && a.pdfs.equals(pdfs);
  }

  @Override
  public int hashCode() {
    return pdfs.hashCode();
  }
}
