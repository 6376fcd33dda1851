package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.asrdistill.eval.frames.FrameAccuracy;
import org.asrdistill.eval.report.ResultRecord;
import org.asrdistill.eval.report.Results;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "frame-accuracy",
    header = "Frame accuracy of reference pdf alignments against another alignment or a model's per-frame "
        + "posteriors (argmax), with the most frequent confusions.",
    customSynopsis = "Usage: frame-accuracy [options] <ref-pdf-ali-rspecifier> <hyp-rspecifier>",
    footer = {"e.g.: frame-accuracy ark:exp/ali_test/pdf_ali.ark ark:exp/dnn/pdf_ali_test.ark",
        "  or: frame-accuracy --posteriors ark:pdf_ali.ark ark:exp/dnn/loglikes.ark --write-result=fa.json",
        "See also: compute-wer, report"})
public final class FrameAccuracyTool extends KaldiTool {
  @Option(names = "--posteriors", arity = "0..1", fallbackValue = "true", description = "The hypothesis is a "
      + "float matrix per utterance (posteriors or log-likelihoods over pdfs); its argmax is the label.")
  boolean posteriors;

  @Option(names = "--top", description = "Number of confusions to print. Default: ${DEFAULT-VALUE}")
  int top = 10;

  @Mixin
  ResultOptions out = new ResultOptions();

  @Parameters(index = "0", paramLabel = "<ref-pdf-ali-rspecifier>")
  String ref;

  @Parameters(index = "1", paramLabel = "<hyp-rspecifier>")
  String hyp;

  @Override
  protected int run() throws Exception {
    FrameAccuracy acc = new FrameAccuracy();
    int missing = 0;
    try (SequentialTableReader<int[]> refs = SequentialTableReader.open(ref, Holders.INT32_VECTOR);
         RandomAccessTableReader<int[]> hypAli = posteriors ? null : RandomAccessTableReader.open(hyp,
             Holders.INT32_VECTOR);
         RandomAccessTableReader<FloatMatrix> hypPost = posteriors ? RandomAccessTableReader.open(hyp,
             Holders.FLOAT_MATRIX) : null) {
      while (refs.next()) {
        String key = refs.key();
        boolean has = posteriors ? hypPost.hasKey(key) : hypAli.hasKey(key);
        if (!has) {
          warn("No hypothesis for utterance " + key);
          missing++;
          continue;
        }
        int[] h = posteriors ? FrameAccuracy.argmax(hypPost.value(key)) : hypAli.value(key);
        if (!acc.add(refs.value(), h)) {
          warn("Length mismatch for utterance " + key + ": " + refs.value().length + " vs " + h.length);
        }
      }
    }
    FrameAccuracy.Result r = acc.result(top);
    System.out.printf(Locale.ROOT, "Frame accuracy %.2f%% [ %d / %d frames, %d utterances ]%n",
        100 * r.accuracy(), r.correct(), r.frames(), r.utterances());
    System.out.println("Top confusions (ref-pdf -> hyp-pdf: frames, % of all frames):");
    for (FrameAccuracy.Confusion c : r.topConfusions()) {
      System.out.printf(Locale.ROOT, "  %d -> %d: %d (%.2f%%)%n", c.ref(), c.hyp(), c.count(),
          100.0 * c.count() / r.frames());
    }
    log("Scored " + r.utterances() + " utterances; " + missing + " had no hypothesis, " + r.skipped()
        + " had a different length.");
    if (out.file != null) {
      Results.write(out.file, ResultRecord.builder("frame-accuracy", out.system).experiment(out.experiment).dataset(out.dataset)
          .frameAccuracy(ResultRecord.FrameScore.of(r.frames(), r.correct()))
          .provenance(Results.provenance(toolName(), commandLineText(), null)).build());
    }
    return r.utterances() > 0 ? 0 : 1;
  }
}
