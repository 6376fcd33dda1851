package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.recipes.synth.CorpusBuilder;
import org.asrdistill.recipes.synth.CorpusOptions;
import picocli.CommandLine.Option;

/** Options and run logic shared by prepare-synth-digits and prepare-synth-sentences. */
abstract class PrepareSynthCorpus extends KaldiTool {
  @Option(names = "--out", required = true, description = "Output directory (train/, dev/, test/, wav/, local/).")
  Path out;

  @Option(names = "--num-dev", description = "Dev utterances. Default: ${DEFAULT-VALUE}")
  int numDev = 400;

  @Option(names = "--num-test", description = "Test utterances. Default: ${DEFAULT-VALUE}")
  int numTest = 400;

  @Option(names = "--speakers-per-voice", description = "Speakers (voice + perturbation) per voice: one dev, "
      + "one test, the rest train. Default: ${DEFAULT-VALUE}")
  int speakersPerVoice = 8;

  @Option(names = "--seed", description = "Seed of every random choice. Default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Option(names = "--num-threads", description = "Parallel synthesis workers. Default: ${DEFAULT-VALUE}")
  int numThreads = 2;

  abstract CorpusOptions options();

  @Override
  protected int run() throws Exception {
    long t0 = System.nanoTime();
    String summary = new CorpusBuilder(options(), this::log).build();
    System.out.print(summary);
    log(String.format(java.util.Locale.ROOT, "Done in %.1f s; data dirs in %s/{train,dev,test}",
        (System.nanoTime() - t0) / 1e9, out));
    return 0;
  }
}
