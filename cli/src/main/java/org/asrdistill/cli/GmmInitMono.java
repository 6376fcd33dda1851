package org.asrdistill.cli;

import java.util.List;
import java.util.Random;
import org.asrdistill.acoustic.gmm.FlatStart;
import org.asrdistill.acoustic.tree.IntSetsFile;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-init-mono",
    header = "Initialize a monophone GMM (one Gaussian per pdf at the global mean/variance) and its tree.",
    customSynopsis = "Usage: gmm-init-mono [options] <topology-in> <dim> <model-out> <tree-out>",
    footer = {"e.g.: gmm-init-mono --train-feats=scp:train.scp topo 39 mono.mdl mono.tree",
        "See also: align-equal, gmm-acc-stats-ali, gmm-est"})
public final class GmmInitMono extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Option(names = "--train-feats", description = "rspecifier for training features [used to set mean and variance]")
  String trainFeats = "";

  @Option(names = "--shared-phones", description = "rxfilename with, on each line, phones whose pdfs are shared")
  String sharedPhones = "";

  @Option(names = "--perturb-factor", description = "Perturb the means by this fraction of the standard deviation. Default: ${DEFAULT-VALUE}")
  double perturbFactor = 0.0;

  @Parameters(index = "0", paramLabel = "<topology-in>")
  String topoIn;

  @Parameters(index = "1", paramLabel = "<dim>")
  int dim;

  @Parameters(index = "2", paramLabel = "<model-out>")
  String modelOut;

  @Parameters(index = "3", paramLabel = "<tree-out>")
  String treeOut;

  @Override
  protected int run() throws Exception {
    if (dim <= 0 || dim >= 10000) {
      throw new IllegalArgumentException("dim must be in [1, 9999]; got: " + dim);
    }
    double[] mean = new double[dim];
    double[] var = new double[dim];
    java.util.Arrays.fill(mean, 1.0);
    java.util.Arrays.fill(var, 1.0);
    if (!trainFeats.isEmpty()) {
      FlatStart.GlobalStats g = new FlatStart.GlobalStats(dim);
      try (SequentialTableReader<FloatMatrix> r = SequentialTableReader.open(trainFeats, Holders.FLOAT_MATRIX)) {
        while (r.next()) {
          g.add(r.value());
        }
      }
      mean = g.mean();
      var = g.variance();
      log("Global mean and variance from " + (long) g.count() + " frames.");
    }
    HmmTopology topo = KaldiObjects.readFile(topoIn, HmmTopology::read);
    List<int[]> shared = sharedPhones.isEmpty() ? null : IntSetsFile.read(sharedPhones);
    FlatStart.Mono m = FlatStart.initMono(topo, mean, var, shared, perturbFactor, new Random(0));
    m.model().writeFile(modelOut, binary);
    m.tree().writeFile(treeOut, binary);
    log("Initialized " + m.model().am().numPdfs() + " pdfs; wrote " + modelOut + " and " + treeOut);
    return 0;
  }
}
