package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.acoustic.train.MonoTrainer;
import org.asrdistill.acoustic.train.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train-mono",
    header = "Flat-start monophone GMM-HMM training, as Kaldi's steps/train_mono.sh (in one process).",
    customSynopsis = "Usage: train-mono [options] <data-dir> <lang-dir> <exp-dir>",
    footer = {"<data-dir> needs feats.scp (MFCC), cmvn.scp (per speaker), utt2spk and text; <lang-dir> is a make-lang",
        "directory. Features get per-speaker mean normalisation and deltas. Writes <exp-dir>/{0..N}.mdl, final.mdl,",
        "tree, ali.1.gz (alignments of the final model) and log/. Rerunning resumes after the last complete model.",
        "Utterances with unknown words or without an alignment within the retry beam are skipped with a warning.",
        "e.g.: train-mono --num-threads=2 --tot-gauss=1000 data/train data/lang exp/mono",
        "See also: train-tri, gmm-align-compiled, gmm-decode-faster"})
public final class TrainMono extends KaldiTool {
  @Option(names = "--num-iters", description = "Number of iterations. Default: ${DEFAULT-VALUE}")
  int numIters = 40;

  @Option(names = "--max-iter-inc", description = "Last iteration that increases #Gaussians. Default: ${DEFAULT-VALUE}")
  int maxIterInc = 30;

  @Option(names = "--tot-gauss", description = "Target #Gaussians. Default: ${DEFAULT-VALUE}")
  int totGauss = 1000;

  @Option(names = "--realign-iters", description = "Iterations that realign. Default: ${DEFAULT-VALUE}")
  String realignIters = MonoTrainer.Options.defaults().realignIters();

  @Option(names = "--initial-beam", description = "Alignment beam of the first realignment. Default: ${DEFAULT-VALUE}")
  double initialBeam = 6;

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

  @Option(names = "--norm-vars", arity = "0..1", fallbackValue = "true",
      description = "CMVN variance normalisation. Default: ${DEFAULT-VALUE}")
  boolean normVars = false;

  @Option(names = "--delta-order", description = "Delta order. Default: ${DEFAULT-VALUE}")
  int deltaOrder = 2;

  @Option(names = "--num-threads", description = "Threads (utterances in parallel). Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

  @Option(names = "--seed", description = "Random seed (Gaussian splitting). Default: ${DEFAULT-VALUE}")
  long seed = 0;

  @Parameters(index = "0", paramLabel = "<data-dir>")
  Path data;

  @Parameters(index = "1", paramLabel = "<lang-dir>")
  Path lang;

  @Parameters(index = "2", paramLabel = "<exp-dir>")
  Path exp;

  @Override
  protected int run() throws Exception {
    MonoTrainer.Options o = new MonoTrainer.Options(numIters, maxIterInc, totGauss, realignIters, initialBeam, beam,
        retryBeam, acousticScale, 1.0, selfLoopScale, power, new TrainingSet.FeatureOptions(normVars, deltaOrder),
        numThreads, seed);
    MonoTrainer.train(data, lang, exp, o, this::log, this::warn);
    return 0;
  }
}
