package org.asrdistill.decoder.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Benchmark inputs for the decoder when no real HCLG is at hand: an HCLG-shaped word loop built from a
 * pronunciation lexicon (a phone prefix tree, each phone a 3-state left-to-right HMM with self-loops whose
 * arcs carry transition-id-like labels, word labels and unigram costs on the epsilon arcs back to the
 * root), and peaked random log-likelihoods that follow a random walk through any graph.
 */
public final class SyntheticGraphs {
  private SyntheticGraphs() {
  }

  /** A graph with its word list (word id i + 1 is words.get(i)) and number of distinct input labels. */
  public record WordLoop(VectorFst fst, List<String> words, int numPhones) {
  }

  /**
   * Reads the first {@code numWords} distinct words of a CMUdict-style lexicon ({@code word PH1 PH2 ...},
   * alternates as {@code word(2)} or repeated words) and builds the word loop. Words get unigram costs
   * log(numWords) plus a Zipf-like term drawn with {@code seed}. O(total phones).
   */
  public static WordLoop lexiconTreeLoop(Path lexicon, int numWords, long seed) throws IOException {
    Map<String, List<String[]>> prons = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(lexicon, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 2) {
          continue;
        }
        String w = f[0].replaceAll("\\(\\d+\\)$", "");
        if (!prons.containsKey(w) && prons.size() == numWords) {
          continue;
        }
        String[] ph = new String[f.length - 1];
        System.arraycopy(f, 1, ph, 0, ph.length);
        prons.computeIfAbsent(w, k -> new ArrayList<>()).add(ph);
      }
    }
    if (prons.isEmpty()) {
      throw new IllegalArgumentException("lexicon has no entries: " + lexicon);
    }
    Random rnd = new Random(seed);
    Map<String, Integer> phoneIds = new HashMap<>();
    VectorFst f = new VectorFst(Semiring.TROPICAL);
    int root = f.addState();
    f.setStart(root);
    f.setFinal(root, 0f);
    // trie: (node, phone) -> node
    Map<Long, Integer> child = new HashMap<>();
    List<String> words = new ArrayList<>(prons.keySet());
    for (int w = 0; w < words.size(); w++) {
      float cost = (float) (Math.log(words.size()) + Math.log(1 + rnd.nextInt(50)) - 1.5);
      for (String[] pron : prons.get(words.get(w))) {
        int node = root;
        for (String p : pron) {
          int pid = phoneIds.computeIfAbsent(p, k -> phoneIds.size());
          long key = ((long) node << 20) | pid;
          Integer next = child.get(key);
          if (next == null) {
            next = addPhone(f, node, pid);
            child.put(key, next);
          }
          node = next;
        }
        f.addArc(node, 0, w + 1, Math.max(0f, cost), root);
      }
    }
    return new WordLoop(f, words, phoneIds.size());
  }

  /**
   * Replicates a word loop {@code copies} times, as the LM history states of an n-gram HCLG replicate the
   * lexicon: a word leaving copy c enters copy (31 w + c) mod copies with a cost drawn with {@code seed}.
   * The start is copy 0's root; every root is final. O(copies x (V + E)).
   */
  public static VectorFst withHistories(VectorFst loop, int copies, long seed) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be >= 1; got: " + copies);
    }
    Random rnd = new Random(seed);
    int n = loop.numStates();
    VectorFst f = new VectorFst(Semiring.TROPICAL);
    f.reserveStates(n * copies);
    for (int c = 0; c < copies; c++) {
      int off = c * n;
      for (int s = 0; s < n; s++) {
        int q = f.addState();
        f.setFinal(q, loop.finalWeight(s));
        f.reserveArcs(q, loop.numArcs(s));
      }
      for (int s = 0; s < n; s++) {
        for (int a = 0; a < loop.numArcs(s); a++) {
          int ol = loop.olabel(s, a);
          int next = loop.nextState(s, a);
          float w = loop.weight(s, a);
          if (ol != 0) {
            next = loop.start() + n * (int) ((31L * ol + c) % copies);
            w += (float) (2 * rnd.nextDouble());
          } else {
            next += off;
          }
          f.addArc(off + s, loop.ilabel(s, a), ol, w, next);
        }
      }
    }
    f.setStart(loop.start());
    return f;
  }

  /** Appends a 3-state HMM for phone pid after {@code from}; returns the state after its last frame. */
  private static int addPhone(VectorFst f, int from, int pid) {
    int prev = from;
    for (int k = 0; k < 3; k++) {
      int s = f.addState();
      int fwd = 1 + 6 * pid + 2 * k;
      f.addArc(prev, fwd, 0, 0.69f, s);
      f.addArc(s, fwd + 1, 0, 0.69f, s);
      prev = s;
    }
    return prev;
  }

  /**
   * Peaked log-likelihoods (frames x maxInputLabel; column l - 1 belongs to input label l) along a random
   * walk from the start state: at each frame the label of the emitting arc the walk takes scores
   * N(-peakMean... ) well above the others. The walk picks arcs uniformly and restarts at the start state at
   * dead ends. Returns the matrix; {@code truth}, if not null, receives the walk's label per frame.
   */
  public static FloatMatrix peakedLoglikes(DecodingGraph g, int frames, long seed, int[] truth) {
    Random rnd = new Random(seed);
    int cols = g.maxIlabel;
    FloatMatrix m = new FloatMatrix(frames, cols);
    float[] d = m.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (-15 + 4 * rnd.nextGaussian());
    }
    int s = g.start;
    int t = 0;
    int steps = 0;
    while (t < frames) {
      int n = g.first[s + 1] - g.first[s];
      if (n == 0 || ++steps > 100 * (frames + 10)) {
        s = g.start;
        steps = 0;
        if (n == 0) {
          continue;
        }
      }
      int a = g.first[s] + rnd.nextInt(n);
      int il = g.arcs[4 * a];
      if (il != 0) {
        d[t * cols + il - 1] = (float) (-3 + 2 * rnd.nextGaussian());
        if (truth != null) {
          truth[t] = il;
        }
        t++;
        steps = 0;
      }
      s = g.arcs[4 * a + 3];
    }
    return m;
  }
}
