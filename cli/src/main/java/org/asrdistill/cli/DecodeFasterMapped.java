package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.hmm.decodable.DecodableMatrixScaledMapped;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
  @Option(names = "--beam", description = "Decoding beam. Default: ${DEFAULT-VALUE}")
  double beam = 16;

  @Option(names = "--max-active", description = "Max active tokens. Default: ${DEFAULT-VALUE}")
  int maxActive = Integer.MAX_VALUE;

  @Option(names = "--min-active", description = "Min active tokens. Default: ${DEFAULT-VALUE}")
  int minActive = 20;

  @Option(names = "--beam-delta", description = "Adaptive beam increment. Default: ${DEFAULT-VALUE}")
  double beamDelta = 0.5;

  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic likelihoods. Default: ${DEFAULT-VALUE}")
  float acousticScale = 0.1f;

  @Option(names = "--allow-partial", arity = "0..1", fallbackValue = "true",
      description = "Output a partial path if no final state was reached. Default: ${DEFAULT-VALUE}")
  boolean allowPartial = true;

  @Option(names = "--word-symbol-table", description = "Symbol table for printing the words")
  Path wordSymbols;

  @Option(names = "--ctm", description = "Also write a CTM file (utt 1 start duration word)")
  String ctm;

  @Option(names = "--num-threads", description = "Utterances decoded in parallel. Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

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
    DecodingGraph graph = DecodingGraph.of(FstFiles.read(fst));
    DecoderOptions opt = new DecoderOptions(beam, maxActive, minActive, beamDelta, 10);
    ThreadLocal<BeamDecoder> decoders = ThreadLocal.withInitial(() -> new BeamDecoder(graph, opt));
    DecodeOutput out = new DecodeOutput(this, wordsOut, aliOut, null, ctm, wordSymbols);
    long t0 = System.nanoTime();
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(loglikes, Holders.FLOAT_MATRIX);
         out;
         OrderedParallel<DecodeOutput.Utterance> par = new OrderedParallel<>(numThreads, out::accept)) {
      while (reader.next()) {
        String key = reader.key();
        FloatMatrix ll = reader.value();
        if (numThreads > 1) {
          ll = new FloatMatrix(ll.rows(), ll.cols(), ll.data().clone());
        }
        FloatMatrix m = ll;
        par.submit(() -> {
          long s0 = System.nanoTime();
          DecodeResult r = decoders.get().decode(new DecodableMatrixScaledMapped(tm, m, acousticScale));
          boolean ok = r != null && (r.reachedFinal() || allowPartial);
          return new DecodeOutput.Utterance(key, m.rows(), ok ? r : null, null, System.nanoTime() - s0);
        });
      }
      par.finish();
      out.commit();
    }
    out.summary((System.nanoTime() - t0) / 1e9);
    return out.done() == 0 && out.failed() > 0 ? 1 : 0;
  }

  static String rtf(double seconds, long frames) {
    return String.format(Locale.ROOT, "Time taken %.2fs: real-time factor assuming 100 frames/sec is %.4f", seconds,
        seconds / Math.max(1e-9, frames * 0.01));
  }
}
