package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.decoder.align.AlignOptions;
import org.asrdistill.decoder.graph.FstHolder;
import org.asrdistill.decoder.align.ForcedAligner;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.decodable.DecodableMatrixScaledMapped;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
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
    AlignOptions opt = new AlignOptions(beam, retryBeam);
    int done = 0;
    int noGraph = 0;
    int failed = 0;
    int retried = 0;
    long frames = 0;
    double totLike = 0;
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(loglikes, Holders.FLOAT_MATRIX);
         RandomAccessTableReader<Fst> g = RandomAccessTableReader.open(graphs, FstHolder.INSTANCE);
         TableWriter<int[]> w = TableWriter.open(aliOut, Holders.INT32_VECTOR)) {
      while (r.next()) {
        String key = r.key();
        if (!g.hasKey(key)) {
          warn("No graph for utterance " + key);
          noGraph++;
          continue;
        }
        FloatMatrix ll = r.value();
        ForcedAligner.Result res = ForcedAligner.align(g.value(key), new DecodableMatrixScaledMapped(tm, ll,
            acousticScale), opt);
        if (res.retried()) {
          warn("Retrying utterance " + key + " with beam " + retryBeam);
          retried++;
        }
        if (!res.succeeded()) {
          warn("Did not successfully decode file " + key + ", len = " + ll.rows());
          failed++;
          continue;
        }
        w.write(key, res.alignment());
        totLike -= res.cost();
        frames += ll.rows();
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
