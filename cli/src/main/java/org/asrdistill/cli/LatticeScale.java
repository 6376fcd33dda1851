package org.asrdistill.cli;

import org.asrdistill.decoder.lattice.CompactLattice;
import org.asrdistill.decoder.lattice.CompactLatticeHolder;
import org.asrdistill.decoder.lattice.LatticeOps;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lattice-scale",
    header = "Scale the graph and acoustic costs of lattices (Kaldi's 2x2 scaling matrix).",
    customSynopsis = "Usage: lattice-scale [options] <lattice-rspecifier> <lattice-wspecifier>",
    footer = {"e.g.: lattice-scale --inv-acoustic-scale=10 ark:lat.1 ark:scaled.1",
        "See also: lattice-best-path, latgen-faster-mapped"})
public final class LatticeScale extends KaldiTool {
  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic costs. Default: ${DEFAULT-VALUE}")
  double acousticScale = 1.0;

  @Option(names = "--inv-acoustic-scale", description = "An alternative way of setting the acoustic scale: "
      + "you can set its inverse. Default: ${DEFAULT-VALUE}")
  double invAcousticScale = 1.0;

  @Option(names = "--lm-scale", description = "Scaling factor for graph (LM) costs. Default: ${DEFAULT-VALUE}")
  double lmScale = 1.0;

  @Option(names = "--acoustic2lm-scale", description = "Add this times the acoustic cost to the graph cost. "
      + "Default: ${DEFAULT-VALUE}")
  double acoustic2lm = 0.0;

  @Option(names = "--lm2acoustic-scale", description = "Add this times the graph cost to the acoustic cost. "
      + "Default: ${DEFAULT-VALUE}")
  double lm2acoustic = 0.0;

  @Parameters(index = "0", paramLabel = "<lattice-rspecifier>")
  String in;

  @Parameters(index = "1", paramLabel = "<lattice-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    if (!(invAcousticScale > 0)) {
      throw new IllegalArgumentException("inv-acoustic-scale must be > 0; got: " + invAcousticScale);
    }
    double ac = acousticScale / invAcousticScale;
    int n = 0;
    try (SequentialTableReader<CompactLattice> r = SequentialTableReader.open(in, CompactLatticeHolder.INSTANCE);
         TableWriter<CompactLattice> w = TableWriter.open(out, CompactLatticeHolder.INSTANCE)) {
      while (r.next()) {
        CompactLattice c = r.value();
        LatticeOps.scale(c, lmScale, ac, acoustic2lm, lm2acoustic);
        w.write(r.key(), c);
        n++;
      }
      w.commit();
    }
    log("Done " + n + " lattices.");
    return 0;
  }
}
