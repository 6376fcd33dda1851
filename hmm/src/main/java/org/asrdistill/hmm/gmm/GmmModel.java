package org.asrdistill.hmm.gmm;

import java.io.IOException;
import java.util.Objects;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/**
 * A GMM acoustic model file as Kaldi's gmm tools write it ({@code final.mdl}): a {@link TransitionModel}
 * followed by an {@link AmDiagGmm}, under one binary header.
 */
public record GmmModel(TransitionModel transitionModel, AmDiagGmm am) {
  public GmmModel {
    Objects.requireNonNull(transitionModel, "transitionModel");
    Objects.requireNonNull(am, "am");
    if (transitionModel.numPdfs() > am.numPdfs()) {
      throw new IllegalArgumentException("the transition model uses " + transitionModel.numPdfs()
          + " pdfs but the acoustic model has " + am.numPdfs());
    }
  }

  public static GmmModel read(KaldiInput in, boolean binary) throws IOException {
    TransitionModel tm = TransitionModel.read(in, binary);
    long at = in.offset();
    AmDiagGmm am = AmDiagGmm.read(in, binary);
    if (tm.numPdfs() > am.numPdfs()) {
      throw in.error(at, "the transition model uses " + tm.numPdfs() + " pdfs but the acoustic model has "
          + am.numPdfs());
    }
    return new GmmModel(tm, am);
  }

  public void write(KaldiOutput out, boolean binary) throws IOException {
    transitionModel.write(out, binary);
    am.write(out, binary);
  }

  public static GmmModel readFile(String rxfilename) throws IOException {
    return KaldiObjects.readFile(rxfilename, GmmModel::read);
  }

  public void writeFile(String wxfilename, boolean binary) throws IOException {
    KaldiObjects.writeFile(wxfilename, this, binary, (o, m, b) -> m.write(o, b));
  }
}
