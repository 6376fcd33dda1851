package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.function.Function;
import org.asrdistill.eval.report.ResultRecord;
import org.asrdistill.eval.report.Results;
import org.asrdistill.eval.wer.ScoringMode;
import org.asrdistill.eval.wer.Speakers;
import org.asrdistill.eval.wer.Transcripts;
import org.asrdistill.eval.wer.WerOptions;
import org.asrdistill.eval.wer.WerReports;
import org.asrdistill.eval.wer.WerResult;
import org.asrdistill.eval.wer.WerScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compute-wer",
    header = "Compute WER by comparing transcriptions (Kaldi's output; sclite's alignment and counts).",
    customSynopsis = {"Usage: compute-wer [options] <ref-rspecifier> <hyp-rspecifier>",
        "Inputs: Kaldi rspecifiers (ark:data/test/text), Kaldi text files, or sclite trn files (trn:FILE, or a",
        "file whose lines end with (utterance-id)). Speakers: --utt2spk, else sclite's spu_id rule."},
    footer = {"e.g.: compute-wer --mode=present ark:data/test/text ark:exp/decode/hyp.txt",
        "  or: compute-wer --pra=hyp.pra --sys=hyp.sys --dtl=hyp.dtl trn:ref.trn trn:hyp.trn",
        "See also: compute-wer-bootci, frame-accuracy, report"})
public final class ComputeWer extends KaldiTool {
  @Option(names = "--mode", description = "Scoring mode: \"present\" scores those we have transcriptions for, "
      + "\"all\" treats absent transcriptions as empty, \"strict\" dies if any ref is not in hyp. Default: "
      + "${DEFAULT-VALUE}")
  String mode = "strict";

  @Option(names = "--text", arity = "0..1", fallbackValue = "true",
      description = "Deprecated, kept for compatibility with Kaldi (text is always accepted).")
  boolean text;

  @Option(names = "--cer", arity = "0..1", fallbackValue = "true",
      description = "Score characters (each word split into characters): character error rate.")
  boolean cer;

  @Option(names = "--utt2spk", paramLabel = "<rspecifier>", description = "Utterance-to-speaker map for the "
      + "per-speaker table (default: speaker = id up to its first '-' or '_', as sclite -i spu_id).")
  String utt2spk;

  @Option(names = "--pra", paramLabel = "<file>", description = "Write per-utterance alignments (sclite pra).")
  Path pra;

  @Option(names = "--sys", paramLabel = "<file>", description = "Write the per-speaker table (sclite sys/rsum).")
  Path sys;

  @Option(names = "--dtl", paramLabel = "<file>",
      description = "Write confusion pairs, insertions, deletions, substitutions (sclite dtl).")
  Path dtl;

  @Mixin
  ResultOptions out = new ResultOptions();

  @Option(names = "--lm-weight", description = "LM weight of these hypotheses, for the result record.")
  Double lmWeight;

  @Option(names = "--word-ins-penalty", description = "Word insertion penalty, for the result record.")
  Double wordInsPenalty;

  @Parameters(index = "0", paramLabel = "<ref-rspecifier>")
  String ref;

  @Parameters(index = "1", paramLabel = "<hyp-rspecifier>")
  String hyp;

  @Override
  protected int run() throws Exception {
    ScoringMode m = ScoringMode.parse(mode);
    long t0 = System.nanoTime();
    Function<String, String> speakers = utt2spk == null ? Speakers.spuIdRule() : Speakers.fromUtt2spk(utt2spk);
    WerResult r = new WerScorer(WerOptions.defaults().withMode(m).withCharacters(cer))
        .score(Transcripts.read(ref), Transcripts.read(hyp), speakers);
    System.out.print(WerReports.kaldiSummary(r));
    System.out.flush();
    if (pra != null) {
      StringBuilder sb = new StringBuilder();
      WerReports.appendPra(sb, r);
      Results.writeAtomically(pra, sb.toString());
    }
    if (sys != null) {
      Results.writeAtomically(sys, WerReports.speakerTable(r, hyp, true) + "\n" + WerReports.speakerTable(r, hyp,
          false));
    }
    if (dtl != null) {
      Results.writeAtomically(dtl, WerReports.detail(r));
    }
    if (out.file != null) {
      double seconds = (System.nanoTime() - t0) / 1e9;
      Results.write(out.file, ResultRecord.builder("scoring", out.system).experiment(out.experiment).dataset(out.dataset)
          .wer(ResultRecord.WerScore.of(r.total()).withLmWeight(lmWeight, wordInsPenalty))
          .timings(new ResultRecord.Timings(seconds, null, null, null, null))
          .provenance(Results.provenance(toolName(), commandLineText(), null)).build());
      log("Wrote result record " + out.file);
    }
    return 0;
  }
}
