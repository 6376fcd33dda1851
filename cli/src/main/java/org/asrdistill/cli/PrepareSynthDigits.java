package org.asrdistill.cli;

import org.asrdistill.recipes.synth.CorpusOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prepare-synth-digits",
    header = "Synthesise the built-in connected-digits corpus (Kaldi data dirs train/dev/test).",
    customSynopsis = {"Usage: prepare-synth-digits [options] --out <dir>"},
    footer = {"Voices: flite kal16/awb/rms/slt, festival kal/ked/slt-hts, espeak-ng Klatt variants; each",
        "speaker is a voice plus tempo (0.9-1.1), pitch and noise (10-30 dB SNR); speakers are disjoint",
        "between splits. Missing Debian packages are installed when run as root. Reruns resume.",
        "e.g.: asr-distill prepare-synth-digits --out data/synth-digits --num-threads=2",
        "See also: prepare-synth-sentences, validate-data-dir"})
public final class PrepareSynthDigits extends PrepareSynthCorpus {
  @Option(names = "--num-train", description = "Training utterances. Default: ${DEFAULT-VALUE}")
  int numTrain = 4000;

  @Override
  CorpusOptions options() {
    return new CorpusOptions(CorpusOptions.Kind.DIGITS, out, numTrain, 0, numDev, numTest, speakersPerVoice,
        seed, numThreads);
  }
}
