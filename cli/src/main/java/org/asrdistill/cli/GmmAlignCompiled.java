package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.decoder.align.AlignOptions;
import org.asrdistill.decoder.align.ForcedAligner;
import org.asrdistill.decoder.graph.FstHolder;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.gmm.DecodableAmDiagGmmScaled;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.gmm.GmmScorer;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
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
    GmmModel m = GmmModel.readFile(model);
    GmmScorer scorer = new GmmScorer(m.am());
    AlignOptions opt = new AlignOptions(beam, retryBeam);
    int done = 0;
    int noGraph = 0;
    int failed = 0;
    int retried = 0;
    long frames = 0;
    double totLike = 0;
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX);
         RandomAccessTableReader<Fst> g = RandomAccessTableReader.open(graphs, FstHolder.INSTANCE);
         TableWriter<int[]> w = TableWriter.open(aliOut, Holders.INT32_VECTOR)) {
      while (r.next()) {
        String key = r.key();
        if (!g.hasKey(key)) {
          warn("No graph for utterance " + key);
          noGraph++;
          continue;
        }
        FloatMatrix f = r.value();
        ForcedAligner.Result res = ForcedAligner.align(g.value(key),
            new DecodableAmDiagGmmScaled(scorer, m.transitionModel(), f, acousticScale), opt);
        if (res.retried()) {
          warn("Retrying utterance " + key + " with beam " + retryBeam);
          retried++;
        }
        if (!res.succeeded()) {
          warn("Did not successfully decode file " + key + ", len = " + f.rows());
          failed++;
          continue;
        }
        w.write(key, res.alignment());
        totLike -= res.cost() / acousticScale;
        frames += f.rows();
        done++;
      }
      w.commit();
    }
    log(String.format(Locale.ROOT, "Overall log-likelihood per frame is %.6g over %d frames.",
        totLike / Math.max(1, frames), frames));
    log("Retried " + retried + " out of " + (done + failed) + " utterances.");
    log("Done " + done + ", errors on " + noGraph + ", failed on " + failed);
    return done == 0 ? 1 : 0;
  }
}
