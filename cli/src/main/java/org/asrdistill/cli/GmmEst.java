package org.asrdistill.cli;

import java.util.Locale;
import java.util.Random;
import org.asrdistill.acoustic.gmm.DiagGmmAccs;
import org.asrdistill.acoustic.gmm.GmmAccs;
import org.asrdistill.acoustic.gmm.GmmUpdate;
import org.asrdistill.acoustic.gmm.MleOptions;
import org.asrdistill.acoustic.gmm.TransitionUpdateOptions;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.io.KaldiObjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-est",
    header = "Do Maximum Likelihood re-estimation of a GMM-based acoustic model (optionally mixing up).",
    customSynopsis = "Usage: gmm-est [options] <model-in> <stats-in> <model-out>",
    footer = {"e.g.: gmm-est --mix-up=1000 1.mdl 1.acc 2.mdl", "See also: gmm-acc-stats-ali, gmm-sum-accs, gmm-mixup"})
public final class GmmEst extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;
  @Option(names = "--mix-up", description = "Increase number of mixture components to this overall target. Default: ${DEFAULT-VALUE}")
  int mixUp = 0;
  @Option(names = "--min-count", description = "Minimum per-Gaussian count enforced while mixing up. Default: ${DEFAULT-VALUE}")
  double minCount = 20.0;
  @Option(names = "--power", description = "If mixing up, power to allocate Gaussians to states. Default: ${DEFAULT-VALUE}")
  double power = 0.2;
  @Option(names = "--perturb-factor", description = "While mixing up, perturb means by standard deviation times this factor. Default: ${DEFAULT-VALUE}")
  double perturbFactor = 0.01;
  @Option(names = "--update-flags", description = "Which GMM parameters to update: subset of mvwt. Default: ${DEFAULT-VALUE}")
  String updateFlags = "mvwt";
  @Option(names = "--write-occs", description = "File to write pdf occupation counts to.")
  String writeOccs = "";
  @Option(names = "--min-gaussian-weight", description = "Min Gaussian weight before we remove it. Default: ${DEFAULT-VALUE}")
  double minGaussianWeight = 1.0e-5;
  @Option(names = "--min-gaussian-occupancy", description = "Minimum occupancy to update a Gaussian. Default: ${DEFAULT-VALUE}")
  double minGaussianOccupancy = 10.0;
  @Option(names = {"--min-variance", "--var-floor"}, description = "Variance floor (absolute variance). Default: ${DEFAULT-VALUE}")
  double minVariance = 0.001;
  @Option(names = "--remove-low-count-gaussians", arity = "0..1", fallbackValue = "true", description = "Remove Gaussians that fall below the floors. Default: ${DEFAULT-VALUE}")
  boolean removeLowCount = true;
  @Option(names = "--transition-floor", description = "Floor for transition probabilities. Default: ${DEFAULT-VALUE}")
  double transitionFloor = 0.01;
  @Option(names = "--transition-min-count", description = "Minimum count required to update transitions from a state. Default: ${DEFAULT-VALUE}")
  double transitionMinCount = 5.0;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String modelIn;
  @Parameters(index = "1", paramLabel = "<stats-in>")
  String statsIn;
  @Parameters(index = "2", paramLabel = "<model-out>")
  String modelOut;

  @Override
  protected int run() throws Exception {
    int flags = DiagGmmAccs.parseFlags(updateFlags);
    GmmModel model = GmmModel.readFile(modelIn);
    GmmAccs accs = GmmAccs.readFile(statsIn);
    if ((flags & DiagGmmAccs.TRANSITIONS) != 0) {
      GmmUpdate.TransitionResult t = GmmUpdate.updateTransitions(
          new TransitionUpdateOptions(transitionFloor, transitionMinCount), accs.transitionAccs(),
          model.transitionModel());
      log(String.format(Locale.ROOT, "Transition model update: Overall %.6g log-like improvement per frame over "
          + "%.0f frames; %d probabilities floored, %d transition-states skipped.", t.objChange() / t.count(),
          t.count(), t.floored(), t.skipped()));
    }
    MleOptions opts = new MleOptions(minGaussianWeight, minGaussianOccupancy, minVariance, removeLowCount);
    GmmUpdate.AmResult r = GmmUpdate.update(opts, accs, flags, model.am());
    log(String.format(Locale.ROOT, "GMM update: Overall %.6g objective function improvement per frame over %.0f "
        + "frames", r.objChange() / r.count(), r.count()));
    log(String.format(Locale.ROOT, "GMM update: Overall avg like per frame = %.6g over %.0f frames.",
        accs.totalLogLike() / accs.totalFrames(), accs.totalFrames()));
    log(r.flooredElements() + " variance elements floored in " + r.flooredGaussians() + " Gaussians, out of "
        + r.am().numGauss() + "; removed " + r.removedGaussians() + " Gaussians with counts < "
        + "--min-gaussian-occupancy=" + minGaussianOccupancy);
    AmDiagGmm am = r.am();
    double[] occs = accs.pdfOccupancies();
    if (mixUp != 0) {
      int before = am.numGauss();
      am = GmmUpdate.splitByCount(am, occs, mixUp, perturbFactor, power, minCount, new Random(0));
      log("Split " + am.numPdfs() + " states with target = " + mixUp + ", power = " + power + ", perturb_factor = "
          + perturbFactor + " and min_count = " + minCount + ", split #Gauss from " + before + " to " + am.numGauss());
    }
    if (!writeOccs.isEmpty()) {
      float[] f = new float[occs.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) occs[i];
      }
      KaldiObjects.writeFile(writeOccs, f, false, (o, v, b) -> KaldiObjects.writeFloatVector(o, b, v));
    }
    new GmmModel(model.transitionModel(), am).writeFile(modelOut, binary);
    log("Written model to " + modelOut);
    return 0;
  }
}
