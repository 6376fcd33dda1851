package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.hmm.decodable.DecodableMatrixScaledMapped;
import org.asrdistill.hmm.transition.TransitionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "decode-faster-mapped",
    header = "Decode log-likelihoods (frames x pdfs) with a beam search over a transition-id graph (HCLG); "
        + "write 1-best words and optionally alignments.",
    customSynopsis = "Usage: decode-faster-mapped [options] <model-in> <fst-in> <loglikes-rspecifier> "
        + "<words-wspecifier> [<alignments-wspecifier>]",
    footer = {"e.g.: decode-faster-mapped --beam=13 --max-active=7000 final.mdl HCLG.fst ark:loglikes.ark "
        + "ark,t:words.txt ark:ali.ark",
        "--ctm writes word times from the frame at which each word's output label was passed (not an "
            + "acoustic word boundary).",
        "See also: latgen-faster-mapped, align-mapped, bench-decode"})
public final class DecodeFasterMapped extends KaldiTool {
  @Mixin
  FasterDecoding decoding = new FasterDecoding();

  @Parameters(index = "0", paramLabel = "<model-in>")
  String model;

  @Parameters(index = "1", paramLabel = "<fst-in>")
  String fst;

  @Parameters(index = "2", paramLabel = "<loglikes-rspecifier>")
  String loglikes;

  @Parameters(index = "3", paramLabel = "<words-wspecifier>")
  String wordsOut;

  @Parameters(index = "4", arity = "0..1", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    TransitionModel tm = TransitionModel.readFile(model);
    return decoding.run(this, fst, loglikes, wordsOut, aliOut,
        m -> new DecodableMatrixScaledMapped(tm, m, decoding.acousticScale));
  }

  static String rtf(double seconds, long frames) {
    return String.format(Locale.ROOT, "Time taken %.2fs: real-time factor assuming 100 frames/sec is %.4f", seconds,
        seconds / Math.max(1e-9, frames * 0.01));
  }
}
