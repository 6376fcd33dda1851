package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.List;
import org.asrdistill.decoder.graph.LangDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "make-lang",
    header = "Makes a Kaldi lang directory (phones.txt, words.txt, topo, phones/, L.fst, L_disambig.fst) from a "
        + "dictionary, as utils/prepare_lang.sh.",
    customSynopsis = "Usage: make-lang [options] <dict-src-dir|lexicon.txt> <oov-dict-entry> [<tmp-dir>] <lang-dir>",
    footer = {"The dictionary directory holds lexicon.txt or lexiconp.txt and optionally silence_phones.txt,",
        "nonsilence_phones.txt, optional_silence.txt, extra_questions.txt; missing phone lists are derived",
        "(silence phones from --silence-phones, all other lexicon phones non-silence). An OOV word without a",
        "pronunciation gets the optional-silence phone. <tmp-dir> is accepted for compatibility and unused.",
        "e.g.: make-lang /tmp/synth-sentences/local/lexicon.txt '<UNK>' data/lang",
        "See also: make-lm, make-graph"})
public final class MakeLang extends KaldiTool {
  @Option(names = "--position-dependent-phones", arity = "0..1", fallbackValue = "true",
      description = "Word-position-dependent phones (_B _E _I _S). Default: ${DEFAULT-VALUE}")
  boolean positionDependent = true;

  @Option(names = "--share-silence-phones", arity = "0..1", fallbackValue = "true",
      description = "All silence phones share one pdf set. Default: ${DEFAULT-VALUE}")
  boolean shareSilence = false;

  @Option(names = "--sil-prob", description = "Optional-silence probability in L (0: none). Default: ${DEFAULT-VALUE}")
  double silProb = 0.5;

  @Option(names = "--num-sil-states", description = "HMM states of silence phones. Default: ${DEFAULT-VALUE}")
  int numSilStates = 5;

  @Option(names = "--num-nonsil-states", description = "HMM states of other phones. Default: ${DEFAULT-VALUE}")
  int numNonsilStates = 3;

  @Option(names = "--num-extra-phone-disambig-syms",
      description = "Extra phone disambiguation symbols. Default: ${DEFAULT-VALUE}")
  int numExtra = 1;

  @Option(names = "--silence-phones", split = ",",
      description = "Silence phones when the dictionary has no silence_phones.txt (comma-separated; the first is "
          + "the optional silence). Default: SIL")
  List<String> silencePhones = List.of("SIL");

  @Parameters(arity = "3..4", paramLabel = "ARGS")
  List<String> args;

  @Override
  protected int run() throws Exception {
    Path src = Path.of(args.get(0));
    String oov = args.get(1);
    Path lang = Path.of(args.get(args.size() - 1));
    LangDir.Options opt = new LangDir.Options(positionDependent, shareSilence, silProb, numSilStates,
        numNonsilStates, numExtra);
    LangDir.Dict dict = LangDir.Dict.read(src, silencePhones);
    if (!dict.lexicon().contains(oov)) {
      warn("OOV word " + oov + " has no pronunciation; adding '" + oov + " " + dict.optionalSilence() + "'");
    }
    LangDir.Result r = LangDir.write(dict, oov, lang, opt);
    log("Wrote " + lang + ": " + (r.words().size() - 1) + " words, " + (r.phones().symbols().size() - 1)
        + " phones (" + r.phones().disambig().size() + " disambiguation symbols); L.fst has "
        + r.lexiconFst().numStates() + " states, " + r.lexiconFst().totalArcs() + " arcs.");
    return 0;
  }
}
