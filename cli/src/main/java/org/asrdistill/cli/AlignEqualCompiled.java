package org.asrdistill.cli;

import org.asrdistill.decoder.align.EqualAlign;
import org.asrdistill.decoder.graph.FstHolder;
import org.asrdistill.fst.Fst;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "align-equal-compiled",
    header = "Write equally spaced alignments of utterances to their training graphs (to get training started).",
    customSynopsis = "Usage: align-equal-compiled <graphs-rspecifier> <features-rspecifier> <alignments-wspecifier>",
    footer = {"The path taken is one with the fewest emitting arcs; extra frames go to its self-loops equally.",
        "e.g.: align-equal-compiled ark:graphs.fsts scp:train.scp ark:equal.ali",
        "See also: compile-train-graphs, gmm-acc-stats-ali, align-equal, train-mono"})
public final class AlignEqualCompiled extends KaldiTool {
  @Parameters(index = "0", paramLabel = "<graphs-rspecifier>")
  String graphs;

  @Parameters(index = "1", paramLabel = "<features-rspecifier>")
  String feats;

  @Parameters(index = "2", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    int done = 0;
    int noFeat = 0;
    int error = 0;
    try (SequentialTableReader<Fst> g = SequentialTableReader.open(graphs, FstHolder.INSTANCE);
         RandomAccessTableReader<FloatMatrix> f = RandomAccessTableReader.open(feats, Holders.FLOAT_MATRIX);
         TableWriter<int[]> w = TableWriter.open(aliOut, Holders.INT32_VECTOR)) {
      while (g.next()) {
        String key = g.key();
        if (!f.hasKey(key)) {
          warn("No features for utterance " + key);
          noFeat++;
          continue;
        }
        int frames = f.value(key).rows();
        int[] ali = EqualAlign.align(g.value(), frames);
        if (ali == null) {
          warn("AlignEqual: did not align utterance " + key + " (" + frames + " frames; too few, or no final state)");
          error++;
          continue;
        }
        w.write(key, ali);
        done++;
      }
      w.commit();
    }
    log("Success: done " + done + " utterances; no features for " + noFeat + ", errors for " + error);
    return done > 0 ? 0 : 1;
  }
}
