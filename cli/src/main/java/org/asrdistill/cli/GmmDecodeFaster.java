package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.hmm.gmm.DecodableAmDiagGmmScaled;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.gmm.GmmScorer;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
  @Option(names = "--beam", description = "Decoding beam. Default: ${DEFAULT-VALUE}")
  double beam = 16;

  @Option(names = "--max-active", description = "Max active tokens. Default: ${DEFAULT-VALUE}")
  int maxActive = Integer.MAX_VALUE;

  @Option(names = "--min-active", description = "Min active tokens. Default: ${DEFAULT-VALUE}")
  int minActive = 20;

  @Option(names = "--beam-delta", description = "Adaptive beam increment. Default: ${DEFAULT-VALUE}")
  double beamDelta = 0.5;

  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic likelihoods. Default: ${DEFAULT-VALUE}")
  float acousticScale = 0.1f;

  @Option(names = "--allow-partial", arity = "0..1", fallbackValue = "true",
      description = "Output a partial path if no final state was reached. Default: ${DEFAULT-VALUE}")
  boolean allowPartial = true;

  @Option(names = "--word-symbol-table", description = "Symbol table for printing the words")
  Path wordSymbols;

  @Option(names = "--ctm", description = "Also write a CTM file (utt 1 start duration word)")
  String ctm;

  @Option(names = "--num-threads", description = "Utterances decoded in parallel. Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

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
    GmmModel m = GmmModel.readFile(model);
    GmmScorer scorer = new GmmScorer(m.am());
    DecodingGraph graph = DecodingGraph.of(FstFiles.read(fst));
    DecoderOptions opt = new DecoderOptions(beam, maxActive, minActive, beamDelta, 10);
    ThreadLocal<BeamDecoder> decoders = ThreadLocal.withInitial(() -> new BeamDecoder(graph, opt));
    DecodeOutput out = new DecodeOutput(this, wordsOut, aliOut, null, ctm, wordSymbols);
    long t0 = System.nanoTime();
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX);
         out;
         OrderedParallel<DecodeOutput.Utterance> par = new OrderedParallel<>(numThreads, out::accept)) {
      while (reader.next()) {
        String key = reader.key();
        FloatMatrix f = reader.value();
        FloatMatrix x = new FloatMatrix(f.rows(), f.cols(), f.data().clone());
        par.submit(() -> {
          long s0 = System.nanoTime();
          DecodeResult r = decoders.get().decode(new DecodableAmDiagGmmScaled(scorer, m.transitionModel(), x,
              acousticScale));
          boolean ok = r != null && (r.reachedFinal() || allowPartial);
          return new DecodeOutput.Utterance(key, x.rows(), ok ? r : null, null, System.nanoTime() - s0);
        });
      }
      par.finish();
      out.commit();
    }
    out.summary((System.nanoTime() - t0) / 1e9);
    return out.done() == 0 && out.failed() > 0 ? 1 : 0;
  }
}
