package org.asrdistill.cli;

import java.util.Locale;
import java.util.function.Function;
import org.asrdistill.decoder.align.AlignOptions;
import org.asrdistill.decoder.align.ForcedAligner;
import org.asrdistill.decoder.graph.FstHolder;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.decodable.Decodable;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;

/**
 * The utterance loop of the aligners on compiled graphs (align-mapped, gmm-align-compiled), with Kaldi's
 * AlignUtteranceWrapper reporting: retries and failures are warned about by utterance and counted, and the
 * log-likelihood per frame (graph plus acoustic cost over the acoustic scale) is logged at the end.
 */
final class GraphAlignment {
  private GraphAlignment() {
  }

  static int run(KaldiTool tool, String graphs, String rspecifier, String aliOut, AlignOptions opt,
      float acousticScale, Function<FloatMatrix, Decodable> decodable) throws Exception {
    int done = 0;
    int noGraph = 0;
    int failed = 0;
    int retried = 0;
    long frames = 0;
    double totLike = 0;
    try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(rspecifier, Holders.FLOAT_MATRIX);
         RandomAccessTableReader<Fst> g = RandomAccessTableReader.open(graphs, FstHolder.INSTANCE);
         TableWriter<int[]> w = TableWriter.open(aliOut, Holders.INT32_VECTOR)) {
      while (r.next()) {
        String key = r.key();
        if (!g.hasKey(key)) {
          tool.warn("No graph for utterance " + key);
          noGraph++;
          continue;
        }
        FloatMatrix m = r.value();
        ForcedAligner.Result res = ForcedAligner.align(g.value(key), decodable.apply(m), opt);
        if (res.retried()) {
          tool.warn("Retrying utterance " + key + " with beam " + opt.retryBeam());
          retried++;
        }
        if (!res.succeeded()) {
          tool.warn("Did not successfully decode file " + key + ", len = " + m.rows());
          failed++;
          continue;
        }
        w.write(key, res.alignment());
        totLike -= res.cost() / acousticScale;
        frames += m.rows();
        done++;
      }
      w.commit();
    }
    tool.log(String.format(Locale.ROOT, "Overall log-likelihood per frame is %.6g over %d frames.",
        totLike / Math.max(1, frames), frames));
    tool.log("Retried " + retried + " out of " + (done + failed) + " utterances.");
    tool.log("Done " + done + ", errors on " + noGraph + ", failed on " + failed);
    return done == 0 ? 1 : 0;
  }
}
