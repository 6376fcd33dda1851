package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.decoder.search.SyntheticGraphs;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.decodable.DecodableMatrixScaled;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-decode",
    header = "Benchmark single-thread beam search: real-time factor on peaked random log-likelihoods (seeded) "
        + "that follow a random walk through the graph (acoustic model excluded).",
    customSynopsis = "Usage: bench-decode [options]",
    footer = {"e.g.: bench-decode --num-words=20000 --beam=13 --max-active=7000",
        "       bench-decode --graph=exp/tri1/graph/HCLG.fst",
        "Without --graph, builds an HCLG-shaped word loop (phone prefix tree, 3-state HMMs with self-loops, "
            + "unigram costs) from the first --num-words words of --lexicon.",
        "See also: decode-faster-mapped, latgen-faster-mapped"})
public final class BenchDecode extends KaldiTool {
  @Option(names = "--graph", description = "Decoding graph (OpenFst binary); default: build a word loop")
  String graph;

  @Option(names = "--lexicon", description = "CMUdict-style lexicon. Default: ${DEFAULT-VALUE}")
  Path lexicon = Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict");

  @Option(names = "--num-words", description = "Words of the built word loop. Default: ${DEFAULT-VALUE}")
  int numWords = 20000;

  @Option(names = "--history-copies", description = "Copies of the word loop (LM-history-like states). "
      + "Default: ${DEFAULT-VALUE}")
  int copies = 1;

  @Option(names = "--beam", description = "Decoding beam. Default: ${DEFAULT-VALUE}")
  double beam = 13;

  @Option(names = "--max-active", description = "Max active tokens. Default: ${DEFAULT-VALUE}")
  int maxActive = 7000;

  @Option(names = "--min-active", description = "Min active tokens. Default: ${DEFAULT-VALUE}")
  int minActive = 20;

  @Option(names = "--acoustic-scale", description = "Acoustic scale. Default: ${DEFAULT-VALUE}")
  float acousticScale = 0.1f;

  @Option(names = "--utterances", description = "Timed utterances. Default: ${DEFAULT-VALUE}")
  int utterances = 10;

  @Option(names = "--frames", description = "Frames per utterance. Default: ${DEFAULT-VALUE}")
  int frames = 500;

  @Option(names = "--seed", description = "Random seed. Default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Override
  protected int run() throws Exception {
    long t0 = System.nanoTime();
    Fst fst = graph != null ? FstFiles.read(graph)
        : SyntheticGraphs.withHistories(SyntheticGraphs.lexiconTreeLoop(lexicon, numWords, seed).fst(), copies, seed);
    DecodingGraph g = DecodingGraph.of(fst);
    double buildSecs = (System.nanoTime() - t0) / 1e9;
    System.out.println(String.format(Locale.ROOT, "graph: %s, %d states, %d arcs, %d input labels (%.1f s to %s)",
        graph != null ? graph : copies + " x word loop of " + numWords + " words from " + lexicon, g.numStates(), g.numArcs(),
        g.maxInputLabel(), buildSecs, graph != null ? "load" : "build"));
    DecoderOptions opt = new DecoderOptions(beam, maxActive, minActive, 0.5, 10);
    BeamDecoder dec = new BeamDecoder(g, opt);
    // JIT warm-up on utterances that are not timed
    for (int u = 0; u < 3; u++) {
      dec.decode(new DecodableMatrixScaled(SyntheticGraphs.peakedLoglikes(g, frames, seed + 1000 + u, null),
          acousticScale));
    }
    long totalFrames = 0;
    long correct = 0;
    long nanos = 0;
    int finals = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = 0;
    for (int u = 0; u < utterances; u++) {
      int[] truth = new int[frames];
      FloatMatrix ll = SyntheticGraphs.peakedLoglikes(g, frames, seed + u, truth);
      long c0 = mx.getCurrentThreadCpuTime();
      long s0 = System.nanoTime();
      DecodeResult r = dec.decode(new DecodableMatrixScaled(ll, acousticScale));
      nanos += System.nanoTime() - s0;
      cpu += mx.getCurrentThreadCpuTime() - c0;
      totalFrames += frames;
      if (r != null) {
        finals += r.reachedFinal() ? 1 : 0;
        for (int t = 0; t < frames; t++) {
          correct += r.alignment()[t] == truth[t] ? 1 : 0;
        }
      }
    }
    double audio = totalFrames * 0.01;
    System.out.println(String.format(Locale.ROOT, "options: beam=%.1f max-active=%d min-active=%d "
        + "acoustic-scale=%.2f; %d utterances x %d frames, seed %d", beam, maxActive, minActive, acousticScale,
        utterances, frames, seed));
    System.out.println(String.format(Locale.ROOT, "RTF=%.4f (wall %.3f s for %.1f s of audio; thread CPU RTF=%.4f); "
        + "%.1f us/frame; frames on the generating label: %.1f%%; reached final: %d/%d", nanos / 1e9 / audio,
        nanos / 1e9, audio, cpu / 1e9 / audio, nanos / 1e3 / totalFrames, 100.0 * correct / totalFrames, finals,
        utterances));
    return 0;
  }
}
