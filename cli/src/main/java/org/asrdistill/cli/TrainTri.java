package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.acoustic.train.TrainingSet;
import org.asrdistill.acoustic.train.TriTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train-tri",
    header = "Triphone GMM-HMM training (decision tree + EM with realignment), as Kaldi's steps/train_deltas.sh.",
    customSynopsis = "Usage: train-tri [options] <num-leaves> <tot-gauss> <data-dir> <lang-dir> <ali-dir> <exp-dir>",
    footer = {"<ali-dir> holds final.mdl and ali.*.gz of the previous stage (e.g. exp/mono, or a Kaldi experiment).",
        "Writes <exp-dir>/treeacc, tree, {1..N}.mdl, final.mdl, ali.1.gz and log/; rerunning resumes.",
        "e.g.: train-tri --num-threads=2 500 5000 data/train data/lang exp/mono exp/tri1",
        "See also: train-mono, gmm-decode-faster, build-tree"})
public final class TrainTri extends KaldiTool {
  @Option(names = "--num-iters", description = "Number of iterations. Default: ${DEFAULT-VALUE}")
  int numIters = 35;

  @Option(names = "--max-iter-inc", description = "Last iteration that increases #Gaussians. Default: ${DEFAULT-VALUE}")
  int maxIterInc = 25;

  @Option(names = "--realign-iters", description = "Iterations that realign. Default: ${DEFAULT-VALUE}")
  String realignIters = "10 20 30";

  @Option(names = "--beam", description = "Alignment beam. Default: ${DEFAULT-VALUE}")
  double beam = 10;

  @Option(names = "--retry-beam", description = "Retry beam for failed alignments. Default: ${DEFAULT-VALUE}")
  double retryBeam = 40;

  @Option(names = "--acoustic-scale", description = "Acoustic scale in alignment. Default: ${DEFAULT-VALUE}")
  float acousticScale = 0.1f;

  @Option(names = "--self-loop-scale", description = "Self-loop scale of training graphs. Default: ${DEFAULT-VALUE}")
  double selfLoopScale = 0.1;

  @Option(names = "--power", description = "Exponent of occupancy for #Gaussians per state. Default: ${DEFAULT-VALUE}")
  double power = 0.25;

  @Option(names = "--cluster-thresh", description = "Tree clustering threshold (-1: smallest split). "
      + "Default: ${DEFAULT-VALUE}")
  double clusterThresh = -1;

  @Option(names = "--norm-vars", arity = "0..1", fallbackValue = "true",
      description = "CMVN variance normalisation. Default: ${DEFAULT-VALUE}")
  boolean normVars = false;

  @Option(names = "--delta-order", description = "Delta order. Default: ${DEFAULT-VALUE}")
  int deltaOrder = 2;

  @Option(names = "--num-threads", description = "Threads (utterances in parallel). Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

  @Option(names = "--seed", description = "Random seed (Gaussian splitting). Default: ${DEFAULT-VALUE}")
  long seed = 0;

  @Parameters(index = "0", paramLabel = "<num-leaves>")
  int numLeaves;

  @Parameters(index = "1", paramLabel = "<tot-gauss>")
  int totGauss;

  @Parameters(index = "2", paramLabel = "<data-dir>")
  Path data;

  @Parameters(index = "3", paramLabel = "<lang-dir>")
  Path lang;

  @Parameters(index = "4", paramLabel = "<ali-dir>")
  Path aliDir;

  @Parameters(index = "5", paramLabel = "<exp-dir>")
  Path exp;

  @Override
  protected int run() throws Exception {
    TriTrainer.Options o = new TriTrainer.Options(numIters, maxIterInc, realignIters, beam, retryBeam, acousticScale,
        1.0, selfLoopScale, power, clusterThresh, new TrainingSet.FeatureOptions(normVars, deltaOrder), numThreads,
        seed);
    TriTrainer.train(numLeaves, totGauss, data, lang, aliDir, exp, o, this::log, this::warn);
    return 0;
  }
}
