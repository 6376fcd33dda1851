package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.decoder.lattice.CompactLattice;
import org.asrdistill.decoder.lattice.CompactLatticeHolder;
import org.asrdistill.decoder.lattice.LatticeOps;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lattice-best-path",
    header = "Write the best path of each lattice (graph cost x --lm-scale + acoustic cost x --acoustic-scale) "
        + "as words and optionally as an alignment.",
    customSynopsis = "Usage: lattice-best-path [options] <lattice-rspecifier> [<words-wspecifier> "
        + "[<alignments-wspecifier>]]",
    footer = {"e.g.: lattice-best-path --acoustic-scale=0.1 ark:lat.1 ark,t:words.txt ark:ali.1",
        "LM-weight sweep as Kaldi's scoring: for w in 7 8 9 ...: --acoustic-scale=1/w.",
        "See also: lattice-scale, latgen-faster-mapped"})
public final class LatticeBestPath extends KaldiTool {
  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic costs. Default: ${DEFAULT-VALUE}")
  double acousticScale = 1.0;

  @Option(names = "--lm-scale", description = "Scaling factor for graph (LM) costs. Default: ${DEFAULT-VALUE}")
  double lmScale = 1.0;

  @Parameters(index = "0", paramLabel = "<lattice-rspecifier>")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<words-wspecifier>")
  String wordsOut;

  @Parameters(index = "2", arity = "0..1", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    int done = 0;
    int failed = 0;
    double totCost = 0;
    long frames = 0;
    try (SequentialTableReader<CompactLattice> r = SequentialTableReader.open(in, CompactLatticeHolder.INSTANCE);
         TableWriter<int[]> words = wordsOut == null ? null : TableWriter.open(wordsOut, Holders.INT32_VECTOR);
         TableWriter<int[]> ali = aliOut == null ? null : TableWriter.open(aliOut, Holders.INT32_VECTOR)) {
      while (r.next()) {
        LatticeOps.LatticePath p = LatticeOps.bestPath(r.value(), lmScale, acousticScale);
        if (p == null) {
          warn("Best-path failed for key " + r.key());
          failed++;
          continue;
        }
        if (words != null) {
          words.write(r.key(), p.words());
        }
        if (ali != null) {
          ali.write(r.key(), p.alignment());
        }
        totCost += lmScale * p.graphCost() + acousticScale * p.acousticCost();
        frames += p.alignment().length;
        done++;
      }
      if (words != null) {
        words.commit();
      }
      if (ali != null) {
        ali.commit();
      }
    }
    log(String.format(Locale.ROOT, "Overall cost per frame is %.6g over %d frames.", totCost / Math.max(1, frames),
        frames));
    log("Done " + done + " lattices, failed for " + failed);
    return done == 0 && failed > 0 ? 1 : 0;
  }
}
