package org.asrdistill.cli;

import org.asrdistill.recipes.synth.CorpusOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prepare-synth-sentences",
    header = "Synthesise the built-in sentences corpus (fortunes text in CMUdict; lexicon and LM text).",
    customSynopsis = {"Usage: prepare-synth-sentences [options] --out <dir>"},
    footer = {"Sentences come from Debian's fortunes, limited to CMUdict words (pocketsphinx-en-us); dev and",
        "test sentences are disjoint from training ones. Writes local/lexicon.txt and local/lm_train_text.txt",
        "(training split only) beside the data dirs. Reruns resume.",
        "e.g.: asr-distill prepare-synth-sentences --out data/synth-sentences --train-hours=3",
        "See also: prepare-synth-digits, validate-data-dir"})
public final class PrepareSynthSentences extends PrepareSynthCorpus {
  @Option(names = "--train-hours", description = "Target hours of training speech. Default: ${DEFAULT-VALUE}")
  double trainHours = 3.0;

  @Option(names = "--num-train", description = "Training utterances instead of --train-hours (0: use hours). "
      + "Default: ${DEFAULT-VALUE}")
  int numTrain = 0;

  @Override
  CorpusOptions options() {
    return new CorpusOptions(CorpusOptions.Kind.SENTENCES, out, numTrain, trainHours, numDev, numTest,
        speakersPerVoice, seed, numThreads);
  }
}
