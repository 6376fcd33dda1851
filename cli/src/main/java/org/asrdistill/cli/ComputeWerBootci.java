package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.eval.bootstrap.BootstrapOptions;
import org.asrdistill.eval.bootstrap.PairedBootstrap;
import org.asrdistill.eval.bootstrap.WerInterval;
import org.asrdistill.eval.report.ResultRecord;
import org.asrdistill.eval.report.Results;
import org.asrdistill.eval.wer.ScoringMode;
import org.asrdistill.eval.wer.Speakers;
import org.asrdistill.eval.wer.Transcripts;
import org.asrdistill.eval.wer.WerOptions;
import org.asrdistill.eval.wer.WerResult;
import org.asrdistill.eval.wer.WerScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compute-wer-bootci", aliases = "compute-wer-bootstrap",
    header = "Bootstrap (Bisani and Ney) 95%% confidence interval of a WER; with a second hypothesis set, the "
        + "probability that it improves on the first (paired, on the same utterances).",
    customSynopsis = "Usage: compute-wer-bootci [options] <ref-rspecifier> <hyp-rspecifier> [<hyp2-rspecifier>]",
    footer = {"e.g.: compute-wer-bootci --mode=present ark:data/test/text ark:hyp_text",
        "  or: compute-wer-bootci ark:data/test/text ark:hyp_text ark:hyp_text2",
        "Lines 'Set1/Set2: %%WER m 95%% Conf Interval [ lo, hi ]' are Kaldi's (mean +- 1.96 sd); the log also",
        "gives the 2.5%%/97.5%% percentile interval. See also: compute-wer"})
public final class ComputeWerBootci extends KaldiTool {
  @Option(names = "--mode", description = "Scoring mode: \"present\"|\"all\"|\"strict\" (as compute-wer; with two "
      + "hypothesis sets, present keeps utterances present in both). Default: ${DEFAULT-VALUE}")
  String mode = "strict";

  @Option(names = "--replications", description = "Number of replications to compute the intervals. "
      + "Default: ${DEFAULT-VALUE}")
  int replications = BootstrapOptions.defaults().replications();

  @Option(names = "--seed", description = "Random seed. Default: ${DEFAULT-VALUE}")
  long seed = BootstrapOptions.defaults().seed();

  @Option(names = "--write-result", paramLabel = "<json>",
      description = "Write a result record (JSON) of the first set with its interval.")
  Path result;

  @Option(names = "--system", description = "System name for the result record. Default: ${DEFAULT-VALUE}")
  String system = "system";

  @Parameters(index = "0", paramLabel = "<ref-rspecifier>")
  String ref;

  @Parameters(index = "1", paramLabel = "<hyp-rspecifier>")
  String hyp;

  @Parameters(index = "2", arity = "0..1", paramLabel = "<hyp2-rspecifier>")
  String hyp2;

  @Override
  protected int run() throws Exception {
    ScoringMode m = ScoringMode.parse(mode);
    BootstrapOptions opts = new BootstrapOptions(replications, seed);
    Transcripts refs = Transcripts.read(ref);
    Transcripts h1 = Transcripts.read(hyp);
    Transcripts h2 = hyp2 == null ? null : Transcripts.read(hyp2);
    if (h2 != null && m == ScoringMode.PRESENT) {
      refs = refs.restrictTo(k -> h1.contains(k) && h2.contains(k));
    }
    WerOptions wo = WerOptions.defaults().withMode(m);
    WerResult r1 = new WerScorer(wo).score(refs, h1, Speakers.spuIdRule());
    PairedBootstrap.Result b;
    if (h2 == null) {
      b = PairedBootstrap.single(r1.utteranceErrors(), r1.utteranceWords(), opts);
    } else {
      WerResult r2 = new WerScorer(wo).score(refs, h2, Speakers.spuIdRule());
      b = PairedBootstrap.paired(r1.utteranceErrors(), r2.utteranceErrors(), r1.utteranceWords(), opts);
    }
    print("Set1", b.a());
    if (b.b() != null) {
      print("Set2", b.b());
      System.out.println("Probability of Set2 improving Set1: " + fixed(100 * b.probabilityOfImprovement()));
    }
    log("Bootstrap of " + b.utterances() + " utterances, " + b.replications() + " replications, seed " + seed
        + "; percentile 95% interval Set1 [ " + fixed(b.a().percentileLow()) + ", " + fixed(b.a().percentileHigh())
        + " ]" + (b.b() == null ? "" : ", Set2 [ " + fixed(b.b().percentileLow()) + ", "
        + fixed(b.b().percentileHigh()) + " ]"));
    if (result != null) {
      Results.write(result, ResultRecord.builder("scoring", system)
          .wer(ResultRecord.WerScore.of(r1.total()).withInterval(b.a().low(), b.a().high()))
          .provenance(Results.provenance(toolName(), commandLineText(), seed)).build());
    }
    return 0;
  }

  private static void print(String set, WerInterval w) {
    System.out.println(set + ": %WER " + fixed(w.meanWer()) + " 95% Conf Interval [ " + fixed(w.low()) + ", "
        + fixed(w.high()) + " ]");
  }

  private static String fixed(double v) {
    return org.asrdistill.eval.wer.WerReports.fixed2(v);
  }
}
