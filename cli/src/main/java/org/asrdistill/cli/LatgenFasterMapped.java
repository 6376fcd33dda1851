package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.decoder.lattice.CompactLattice;
import org.asrdistill.decoder.lattice.LatticeOps;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.hmm.decodable.DecodableMatrixScaledMapped;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "latgen-faster-mapped",
    header = "Generate word lattices (pruned to --lattice-beam, determinized) from log-likelihoods (frames x pdfs) "
        + "with a beam search over a transition-id graph; optionally write 1-best words and alignments.",
    customSynopsis = "Usage: latgen-faster-mapped [options] <trans-model-in> <fst-in> <loglikes-rspecifier> "
        + "<lattice-wspecifier> [<words-wspecifier> [<alignments-wspecifier>]]",
    footer = {"e.g.: latgen-faster-mapped --beam=13 --lattice-beam=6 --max-active=7000 final.mdl HCLG.fst "
        + "ark:loglikes.ark 'ark:|gzip -c > lat.1.gz'",
        "Lattices are Kaldi CompactLattices with unscaled acoustic costs (ark: OpenFst binary, ark,t: text).",
        "See also: decode-faster-mapped, lattice-best-path, lattice-scale"})
public final class LatgenFasterMapped extends KaldiTool {
  @Option(names = "--beam", description = "Decoding beam. Default: ${DEFAULT-VALUE}")
  double beam = 16;

  @Option(names = "--lattice-beam", description = "Lattice generation beam. Default: ${DEFAULT-VALUE}")
  double latticeBeam = 10;

  @Option(names = "--max-active", description = "Max active tokens. Default: ${DEFAULT-VALUE}")
  int maxActive = Integer.MAX_VALUE;

  @Option(names = "--min-active", description = "Min active tokens. Default: ${DEFAULT-VALUE}")
  int minActive = 200;

  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic likelihoods. Default: ${DEFAULT-VALUE}")
  float acousticScale = 0.1f;

  @Option(names = "--allow-partial", arity = "0..1", fallbackValue = "true",
      description = "Output partial results if no final state was reached. Default: ${DEFAULT-VALUE}")
  boolean allowPartial = false;

  @Option(names = "--max-lattice-states", description = "Determinization state budget. Default: ${DEFAULT-VALUE}")
  int maxStates = 1_000_000;

  @Option(names = "--word-symbol-table", description = "Symbol table for printing the words")
  Path wordSymbols;

  @Option(names = "--num-threads", description = "Utterances decoded in parallel. Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

  @Parameters(index = "0", paramLabel = "<trans-model-in>")
  String model;

  @Parameters(index = "1", paramLabel = "<fst-in>")
  String fst;

  @Parameters(index = "2", paramLabel = "<loglikes-rspecifier>")
  String loglikes;

  @Parameters(index = "3", paramLabel = "<lattice-wspecifier>")
  String latOut;

  @Parameters(index = "4", arity = "0..1", paramLabel = "<words-wspecifier>")
  String wordsOut;

  @Parameters(index = "5", arity = "0..1", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    TransitionModel tm = TransitionModel.readFile(model);
    DecodingGraph graph = DecodingGraph.of(FstFiles.read(fst));
    DecoderOptions opt = new DecoderOptions(beam, maxActive, minActive, 0.5, latticeBeam);
    ThreadLocal<BeamDecoder> decoders = ThreadLocal.withInitial(() -> new BeamDecoder(graph, opt, true));
    DecodeOutput out = new DecodeOutput(this, wordsOut, aliOut, latOut, null, wordSymbols);
    long t0 = System.nanoTime();
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(loglikes, Holders.FLOAT_MATRIX);
         out;
         OrderedParallel<DecodeOutput.Utterance> par = new OrderedParallel<>(numThreads, out::accept)) {
      while (reader.next()) {
        String key = reader.key();
        FloatMatrix ll = reader.value();
        FloatMatrix m = numThreads > 1 ? new FloatMatrix(ll.rows(), ll.cols(), ll.data().clone()) : ll;
        par.submit(() -> {
          long s0 = System.nanoTime();
          BeamDecoder dec = decoders.get();
          DecodeResult r = dec.decode(new DecodableMatrixScaledMapped(tm, m, acousticScale));
          if (r == null || !(r.reachedFinal() || allowPartial)) {
            return new DecodeOutput.Utterance(key, m.rows(), null, null, System.nanoTime() - s0);
          }
          CompactLattice clat;
          try {
            clat = LatticeOps.wordLattice(dec.tokenLattice(), latticeBeam, acousticScale, maxStates);
          } catch (IllegalStateException e) {
            warn("Determinization failed for " + key + ": " + e.getMessage());
            return new DecodeOutput.Utterance(key, m.rows(), null, null, System.nanoTime() - s0);
          }
          return new DecodeOutput.Utterance(key, m.rows(), r, clat, System.nanoTime() - s0);
        });
      }
      par.finish();
      out.commit();
    }
    out.summary((System.nanoTime() - t0) / 1e9);
    return out.done() == 0 && out.failed() > 0 ? 1 : 0;
  }
}
