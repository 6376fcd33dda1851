package org.asrdistill.cli;

import org.asrdistill.decoder.align.AlignOptions;
import org.asrdistill.hmm.gmm.DecodableAmDiagGmmScaled;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.gmm.GmmScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-align-compiled",
    header = "Viterbi-align features to per-utterance training graphs with a GMM model; write transition-id "
        + "alignments.",
    customSynopsis = "Usage: gmm-align-compiled [options] <model-in> <graphs-rspecifier> <feature-rspecifier> "
        + "<alignments-wspecifier>",
    footer = {"Graphs (from compile-train-graphs) carry the transition probabilities they were compiled with (its",
        "--transition-scale and --self-loop-scale); they are not re-added here. Utterances that cannot be aligned",
        "within --retry-beam are warned about by name, counted, and left out of the output.",
        "e.g.: gmm-align-compiled --beam=10 --retry-beam=40 --acoustic-scale=0.1 1.mdl ark:fsts.1 scp:feats.scp "
            + "ark:ali.1",
        "See also: compile-train-graphs, align-mapped, gmm-acc-stats-ali, train-mono"})
public final class GmmAlignCompiled extends KaldiTool {
  @Option(names = "--beam", description = "Decoding beam. Default: ${DEFAULT-VALUE}")
  double beam = 200;

  @Option(names = "--retry-beam", description = "Decoding beam for a second try at alignment (0: none). "
      + "Default: ${DEFAULT-VALUE}")
  double retryBeam = 0;

  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic likelihoods. Default: ${DEFAULT-VALUE}")
  float acousticScale = 1.0f;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String model;

  @Parameters(index = "1", paramLabel = "<graphs-rspecifier>")
  String graphs;

  @Parameters(index = "2", paramLabel = "<feature-rspecifier>")
  String feats;

  @Parameters(index = "3", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    GmmModel m0 = GmmModel.readFile(model);
    GmmScorer scorer = new GmmScorer(m0.am());
    return GraphAlignment.run(this, graphs, feats, aliOut, new AlignOptions(beam, retryBeam), acousticScale,
        m -> new DecodableAmDiagGmmScaled(scorer, m0.transitionModel(), m, acousticScale));
  }
}
