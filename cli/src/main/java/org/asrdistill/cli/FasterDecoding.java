package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.function.Function;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.hmm.decodable.Decodable;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Option;

/**
 * The options and the utterance loop shared by the 1-best decoders (decode-faster-mapped, gmm-decode-faster): a
 * matrix per utterance (log-likelihoods or features) becomes a {@link Decodable}, decoded on --num-threads.
 */
final class FasterDecoding {
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

  /** Decodes every matrix of {@code rspecifier}; returns the tool's exit code. */
  int run(KaldiTool tool, String fst, String rspecifier, String wordsOut, String aliOut,
      Function<FloatMatrix, Decodable> decodable) throws Exception {
    DecodingGraph graph = DecodingGraph.of(FstFiles.read(fst));
    DecoderOptions opt = new DecoderOptions(beam, maxActive, minActive, beamDelta, 10);
    ThreadLocal<BeamDecoder> decoders = ThreadLocal.withInitial(() -> new BeamDecoder(graph, opt));
    DecodeOutput out = new DecodeOutput(tool, wordsOut, aliOut, null, ctm, wordSymbols);
    long t0 = System.nanoTime();
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(rspecifier, Holders.FLOAT_MATRIX);
         out;
         OrderedParallel<DecodeOutput.Utterance> par = new OrderedParallel<>(numThreads, out::accept)) {
      while (reader.next()) {
        String key = reader.key();
        FloatMatrix f = reader.value();
        FloatMatrix m = new FloatMatrix(f.rows(), f.cols(), f.data().clone());
        par.submit(() -> {
          long s0 = System.nanoTime();
          DecodeResult r = decoders.get().decode(decodable.apply(m));
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
}
