package org.asrdistill.cli;

import org.asrdistill.decoder.align.AlignOptions;
import org.asrdistill.hmm.decodable.DecodableMatrixScaledMapped;
import org.asrdistill.hmm.transition.TransitionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "align-mapped",
    header = "Viterbi-align log-likelihoods (frames x pdfs) to per-utterance training graphs (transition-id "
        + "inputs, e.g. from compile-train-graphs); write transition-id alignments.",
    customSynopsis = "Usage: align-mapped [options] <trans-model-in> <graphs-rspecifier> <loglikes-rspecifier> "
        + "<alignments-wspecifier>",
    footer = {"e.g.: align-mapped --beam=10 --retry-beam=40 final.mdl ark:graphs.fsts ark:loglikes.ark ark:ali.1",
        "Graphs: a table of OpenFst binary FSTs (ark: as compile-train-graphs writes, or scp: of FST files). "
            + "Kaldi's align-compiled-mapped interface.",
        "See also: decode-faster-mapped, ali-to-pdf, show-alignments"})
public final class AlignMapped extends KaldiTool {
  @Option(names = "--beam", description = "Decoding beam. Default: ${DEFAULT-VALUE}")
  double beam = 200;

  @Option(names = "--retry-beam", description = "Decoding beam for a second try at alignment (0: none). "
      + "Default: ${DEFAULT-VALUE}")
  double retryBeam = 0;

  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic likelihoods. Default: ${DEFAULT-VALUE}")
  float acousticScale = 1.0f;

  @Parameters(index = "0", paramLabel = "<trans-model-in>")
  String model;

  @Parameters(index = "1", paramLabel = "<graphs-rspecifier>")
  String graphs;

  @Parameters(index = "2", paramLabel = "<loglikes-rspecifier>")
  String loglikes;

  @Parameters(index = "3", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    TransitionModel tm = TransitionModel.readFile(model);
    return GraphAlignment.run(this, graphs, loglikes, aliOut, new AlignOptions(beam, retryBeam), acousticScale,
        m -> new DecodableMatrixScaledMapped(tm, m, acousticScale));
  }
}
