package org.asrdistill.cli;

import java.util.Random;
import org.asrdistill.acoustic.gmm.GmmUpdate;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.io.KaldiObjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-mixup",
    header = "Increase the number of Gaussians of a GMM-based model, allocating by pdf occupation counts.",
    customSynopsis = "Usage: gmm-mixup [options] <model-in> <state-occs-in> <model-out>",
    footer = {"e.g.: gmm-mixup --mix-up=4000 1.mdl 1.occs 2.mdl", "See also: gmm-est --write-occs"})
public final class GmmMixup extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;
  @Option(names = "--mix-up", description = "Increase number of mixture components to this overall target. Default: ${DEFAULT-VALUE}")
  int mixUp = 0;
  @Option(names = "--min-count", description = "Minimum per-Gaussian count enforced while mixing up. Default: ${DEFAULT-VALUE}")
  double minCount = 20.0;
  @Option(names = "--power", description = "Power to allocate Gaussians to states. Default: ${DEFAULT-VALUE}")
  double power = 0.2;
  @Option(names = "--perturb-factor", description = "Perturb means by standard deviation times this factor. Default: ${DEFAULT-VALUE}")
  double perturbFactor = 0.01;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String modelIn;
  @Parameters(index = "1", paramLabel = "<state-occs-in>")
  String occsIn;
  @Parameters(index = "2", paramLabel = "<model-out>")
  String modelOut;

  @Override
  protected int run() throws Exception {
    GmmModel model = GmmModel.readFile(modelIn);
    float[] f = KaldiObjects.readFile(occsIn, (in, b) -> KaldiObjects.readFloatVector(in, b, "occs"));
    double[] occs = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      occs[i] = f[i];
    }
    AmDiagGmm am = model.am();
    if (mixUp != 0) {
      int before = am.numGauss();
      am = GmmUpdate.splitByCount(am, occs, mixUp, perturbFactor, power, minCount, new Random(0));
      log("Split #Gauss from " + before + " to " + am.numGauss() + " (target " + mixUp + ")");
    }
    new GmmModel(model.transitionModel(), am).writeFile(modelOut, binary);
    log("Written model to " + modelOut);
    return 0;
  }
}
