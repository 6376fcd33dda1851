package org.asrdistill.cli;

import org.asrdistill.hmm.gmm.DecodableAmDiagGmmScaled;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.gmm.GmmScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-decode-faster",
    header = "Decode features with a GMM model over a decoding graph (HCLG); write 1-best words and optionally "
        + "alignments.",
    customSynopsis = "Usage: gmm-decode-faster [options] <model-in> <fst-in> <features-rspecifier> <words-wspecifier> "
        + "[<alignments-wspecifier>]",
    footer = {"Features must be processed as in training (e.g. apply-cmvn, add-deltas).",
        "e.g.: gmm-decode-faster --beam=13 --acoustic-scale=0.083333 --word-symbol-table=words.txt final.mdl HCLG.fst "
            + "'ark:apply-cmvn --utt2spk=ark:utt2spk scp:cmvn.scp scp:feats.scp ark:- | add-deltas ark:- ark:- |' "
            + "ark,t:words.txt",
        "See also: decode-faster-mapped, train-mono, train-tri, compute-wer"})
public final class GmmDecodeFaster extends KaldiTool {
  @Mixin
  FasterDecoding decoding = new FasterDecoding();

  @Parameters(index = "0", paramLabel = "<model-in>")
  String model;

  @Parameters(index = "1", paramLabel = "<fst-in>")
  String fst;

  @Parameters(index = "2", paramLabel = "<features-rspecifier>")
  String feats;

  @Parameters(index = "3", paramLabel = "<words-wspecifier>")
  String wordsOut;

  @Parameters(index = "4", arity = "0..1", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    GmmModel m0 = GmmModel.readFile(model);
    GmmScorer scorer = new GmmScorer(m0.am());
    return decoding.run(this, fst, feats, wordsOut, aliOut,
        m -> new DecodableAmDiagGmmScaled(scorer, m0.transitionModel(), m, decoding.acousticScale));
  }
}
