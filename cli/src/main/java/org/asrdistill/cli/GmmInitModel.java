package org.asrdistill.cli;

import org.asrdistill.acoustic.tree.TreeModels;
import org.asrdistill.acoustic.tree.TreeStats;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-init-model",
    header = "Initialize a GMM (one Gaussian per leaf) from a decision tree and tree stats.",
    customSynopsis = "Usage: gmm-init-model [options] <tree-in> <tree-stats-in> <topo-file> <model-out>",
    footer = {"e.g.: gmm-init-model tree treeacc topo 1.mdl", "See also: build-tree, gmm-mixup, gmm-est"})
public final class GmmInitModel extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;
  @Option(names = "--var-floor", description = "Variance floor used while initializing Gaussians. Default: ${DEFAULT-VALUE}")
  double varFloor = 0.01;
  @Option(names = "--write-occs", description = "File to write state occupancies to.")
  String writeOccs = "";

  @Parameters(index = "0", paramLabel = "<tree-in>")
  String treeIn;
  @Parameters(index = "1", paramLabel = "<tree-stats-in>")
  String statsIn;
  @Parameters(index = "2", paramLabel = "<topo-file>")
  String topoIn;
  @Parameters(index = "3", paramLabel = "<model-out>")
  String out;

  @Override
  protected int run() throws Exception {
    ContextDependency tree = ContextDependency.readFile(treeIn);
    TreeStats stats = TreeStats.readFile(statsIn);
    log("Number of separate statistics is " + stats.size());
    HmmTopology topo = KaldiObjects.readFile(topoIn, HmmTopology::read);
    TransitionModel tm = TransitionModel.create(tree, topo);
    AmDiagGmm am = TreeModels.initGmms(stats, tree.toPdf(), varFloor, this::warn);
    if (!writeOccs.isEmpty()) {
      double[] occ = TreeModels.occupancies(stats, tree.toPdf());
      float[] f = new float[occ.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) occ[i];
      }
      KaldiObjects.writeFile(writeOccs, f, binary, (o, v, b) -> KaldiObjects.writeFloatVector(o, b, v));
    }
    new GmmModel(tm, am).writeFile(out, binary);
    log("Wrote model with " + am.numPdfs() + " pdfs.");
    return 0;
  }
}
