package org.asrdistill.decoder.search;

import java.util.Arrays;
import java.util.Objects;
import org.asrdistill.hmm.decodable.Decodable;

/**
 * Viterbi token-passing beam search with Kaldi's FasterDecoder semantics (and, when lattices are recorded,
 * LatticeFasterDecoder's forward links). Per frame: the emitting arcs of every token whose cost is within
 * the cutoff (beam, tightened by max-active or loosened by min-active through partial selection) are
 * followed with cost = token cost + arc weight - log-likelihood(frame, input label), pruned against a
 * running bound for the next frame (best + adaptive beam); then input-epsilon arcs are followed within the
 * new frame until no token improves. Tokens live in primitive arrays (state, cost, back-pointer, arc
 * labels) with the frame's state-to-token map held in one int array indexed by graph state; in 1-best
 * mode tokens no longer reachable from the current frame are compacted away now and then. One decoder
 * per thread; the {@link DecodingGraph} may be shared.
 */
public final class BeamDecoder {
  private final DecodingGraph g;
  private final DecoderOptions opt;
  private final boolean recordLattice;
  private final int[] slot;

  private int numToks;
  private int[] tState = new int[1024];
  private int[] tBack = new int[1024];
  private int[] tIlabel = new int[1024];
  private int[] tOlabel = new int[1024];
  private float[] tGraph = new float[1024];
  private double[] tCost = new double[1024];
  private int[] tLinks = new int[0];
  private int curStart;
  private int framesDecoded = -1;
  private int[] frameStart = new int[64];
  private long gcThreshold = 1 << 20;

  private final LinkStore links;
  private double[] scratch = new double[1024];
  private int[] queue = new int[1024];
  private double adaptiveBeam;
  private long pruned;

  /** A decoder producing 1-best output only. */
  public BeamDecoder(DecodingGraph graph, DecoderOptions opt) {
    this(graph, opt, false);
  }

  /** A decoder that also records a state-level lattice when {@code recordLattice}. */
  public BeamDecoder(DecodingGraph graph, DecoderOptions opt, boolean recordLattice) {
    this.g = Objects.requireNonNull(graph, "graph");
    this.opt = Objects.requireNonNull(opt, "opt");
    this.recordLattice = recordLattice;
    this.slot = new int[graph.numStates];
    Arrays.fill(slot, -1);
    this.links = recordLattice ? new LinkStore() : null;
    if (recordLattice) {
      tLinks = new int[1024];
    }
  }

  public DecoderOptions options() {
    return opt;
  }

  /** Decodes all frames of {@code d} and returns the best path (see {@link #bestPath(boolean)}). */
  public DecodeResult decode(Decodable d) {
    initDecoding();
    advanceDecoding(d);
    return bestPath(true);
  }

  /** Starts a new utterance: one token at the start state, then epsilon propagation without pruning. */
  public void initDecoding() {
    for (int i = curStart; i < numToks; i++) {
      slot[tState[i]] = -1;
    }
    numToks = 0;
    curStart = 0;
    pruned = 0;
    gcThreshold = 1 << 20;
    if (recordLattice) {
      links.clear();
    }
    newToken(g.start, 0.0, -1, 0, 0, 0f);
    framesDecoded = 0;
    frameStart[0] = 0;
    processNonEmitting(Double.POSITIVE_INFINITY);
  }

  /** Decodes the frames of {@code d} not yet decoded. */
  public void advanceDecoding(Decodable d) {
    if (framesDecoded < 0) {
      throw new IllegalStateException("initDecoding() must be called before advanceDecoding()");
    }
    int ready = d.numFramesReady();
    if (ready < framesDecoded) {
      throw new IllegalArgumentException("frames ready (" + ready + ") < frames decoded (" + framesDecoded + ")");
    }
    while (framesDecoded < ready) {
      double cutoff = processEmitting(d);
      processNonEmitting(cutoff);
      if (!recordLattice && numToks > gcThreshold) {
        collectGarbage();
      }
    }
  }

  public int numFramesDecoded() {
    return framesDecoded;
  }

  /** Number of tokens alive in the current frame. */
  public int numActive() {
    return numToks - curStart;
  }

  /** Tokens left unexpanded plus arcs rejected by the cutoffs in this utterance (0: the search was exact). */
  public long numPruned() {
    return pruned;
  }

  /** Whether any token of the current frame is at a final state of the graph. */
  public boolean reachedFinal() {
    for (int i = curStart; i < numToks; i++) {
      if (tCost[i] != Double.POSITIVE_INFINITY && g.finals[tState[i]] != Float.POSITIVE_INFINITY) {
        return true;
      }
    }
    return false;
  }

  /**
   * The best path: if {@code useFinalProbs} and a final state was reached, the best of token cost plus
   * final weight over final states; otherwise the token of lowest cost (a partial path). Null if there is
   * no token.
   */
  public DecodeResult bestPath(boolean useFinalProbs) {
    boolean fin = useFinalProbs && reachedFinal();
    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int i = curStart; i < numToks; i++) {
      double c = fin ? tCost[i] + g.finals[tState[i]] : tCost[i];
      if (c < bestCost || (best < 0 && !fin)) {
        bestCost = c;
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    int len = 0;
    int words = 0;
    int frames = 0;
    for (int j = best; tBack[j] >= 0; j = tBack[j]) {
      len++;
      words += tOlabel[j] != 0 ? 1 : 0;
      frames += tIlabel[j] != 0 ? 1 : 0;
    }
    int[] path = new int[len];
    int k = len;
    double graph = 0;
    for (int j = best; tBack[j] >= 0; j = tBack[j]) {
      path[--k] = j;
      graph += tGraph[j];
    }
    int[] w = new int[words];
    int[] wf = new int[words];
    int[] ali = new int[frames];
    int f = 0;
    int nw = 0;
    for (int j : path) {
      if (tOlabel[j] != 0) {
        w[nw] = tOlabel[j];
        wf[nw++] = f;
      }
      if (tIlabel[j] != 0) {
        ali[f++] = tIlabel[j];
      }
    }
    double acoustic = tCost[best] - graph;
    if (fin) {
      graph += g.finals[tState[best]];
    }
    return new DecodeResult(w, wf, ali, graph, acoustic, fin);
  }

  /** The recorded state-level lattice (tokens and forward links) of the utterance decoded so far. */
  public TokenLattice tokenLattice() {
    if (!recordLattice) {
      throw new IllegalStateException("this decoder does not record lattices");
    }
    int[] fs = Arrays.copyOf(frameStart, framesDecoded + 2);
    fs[framesDecoded + 1] = numToks;
    float[] fin = new float[numToks - curStart];
    for (int i = curStart; i < numToks; i++) {
      fin[i - curStart] = g.finals[tState[i]];
    }
    return new TokenLattice(numToks, Arrays.copyOf(tState, numToks), Arrays.copyOf(tCost, numToks),
        Arrays.copyOf(tLinks, numToks), links.snapshot(), fs, fin);
  }

  private double processEmitting(Decodable d) {
    int frame = framesDecoded;
    int ps = curStart;
    int pe = numToks;
    int bestTok = -1;
    double weightCutoff = getCutoff(ps, pe);
    double bestC = Double.POSITIVE_INFINITY;
    for (int i = ps; i < pe; i++) {
      slot[tState[i]] = -1;
      if (tCost[i] < bestC) {
        bestC = tCost[i];
        bestTok = i;
      }
    }
    double ab = adaptiveBeam;
    curStart = numToks;
    if (frame + 2 >= frameStart.length) {
      frameStart = Arrays.copyOf(frameStart, frameStart.length * 2);
    }
    frameStart[frame + 1] = numToks;
    final int[] arcs = g.arcs;
    double nextCutoff = Double.POSITIVE_INFINITY;
    if (bestTok >= 0) {
      int s = tState[bestTok];
      for (int a = g.firstEmitting[s], e = g.first[s + 1]; a < e; a++) {
        int i4 = 4 * a;
        double w = tCost[bestTok] + Float.intBitsToFloat(arcs[i4 + 2]) - d.logLikelihood(frame, arcs[i4]);
        if (w + ab < nextCutoff) {
          nextCutoff = w + ab;
        }
      }
    }
    for (int i = ps; i < pe; i++) {
      double c = tCost[i];
      if (!(c < weightCutoff)) {
        pruned++;
        continue;
      }
      int s = tState[i];
      for (int a = g.firstEmitting[s], e = g.first[s + 1]; a < e; a++) {
        int i4 = 4 * a;
        int il = arcs[i4];
        float gw = Float.intBitsToFloat(arcs[i4 + 2]);
        float ac = -d.logLikelihood(frame, il);
        double w = c + gw + ac;
        if (w < nextCutoff) {
          if (w + ab < nextCutoff) {
            nextCutoff = w + ab;
          }
          int next = arcs[i4 + 3];
          int j = slot[next];
          if (j < 0) {
            j = newToken(next, w, i, il, arcs[i4 + 1], gw);
          } else if (w < tCost[j]) {
            setToken(j, w, i, il, arcs[i4 + 1], gw);
          }
          if (recordLattice) {
            tLinks[i] = links.add(j, il, arcs[i4 + 1], gw, ac, tLinks[i]);
          }
        } else {
          pruned++;
        }
      }
    }
    framesDecoded++;
    return nextCutoff;
  }

  private void processNonEmitting(double cutoff) {
    int qn = 0;
    if (queue.length < numToks - curStart) {
      queue = new int[Math.max(2 * queue.length, numToks - curStart)];
    }
    for (int i = curStart; i < numToks; i++) {
      queue[qn++] = i;
    }
    final int[] arcs = g.arcs;
    while (qn > 0) {
      int i = queue[--qn];
      double c = tCost[i];
      if (c > cutoff) {
        continue;
      }
      if (recordLattice) {
        tLinks[i] = -1;
      }
      int s = tState[i];
      for (int a = g.first[s], e = g.firstEmitting[s]; a < e; a++) {
        int i4 = 4 * a;
        float gw = Float.intBitsToFloat(arcs[i4 + 2]);
        double w = c + gw;
        if (w > cutoff) {
          pruned++;
          continue;
        }
        int next = arcs[i4 + 3];
        int ol = arcs[i4 + 1];
        int j = slot[next];
        boolean push = false;
        if (j < 0) {
          j = newToken(next, w, i, 0, ol, gw);
          push = true;
        } else if (w < tCost[j]) {
          setToken(j, w, i, 0, ol, gw);
          push = true;
        }
        if (recordLattice) {
          tLinks[i] = links.add(j, 0, ol, gw, 0f, tLinks[i]);
        }
        if (push) {
          if (qn == queue.length) {
            queue = Arrays.copyOf(queue, 2 * qn);
          }
          queue[qn++] = j;
        }
      }
    }
  }

  /** Kaldi's GetCutoff over the tokens [from, to): sets adaptiveBeam and returns the weight cutoff. */
  private double getCutoff(int from, int to) {
    int n = to - from;
    double best = Double.POSITIVE_INFINITY;
    for (int i = from; i < to; i++) {
      best = Math.min(best, tCost[i]);
    }
    double beamCutoff = best + opt.beam();
    if (opt.maxActive() == Integer.MAX_VALUE && opt.minActive() == 0) {
      adaptiveBeam = opt.beam();
      return beamCutoff;
    }
    if (scratch.length < n) {
      scratch = new double[Math.max(n, 2 * scratch.length)];
    }
    System.arraycopy(tCost, from, scratch, 0, n);
    double maxActiveCutoff = Double.POSITIVE_INFINITY;
    if (n > opt.maxActive()) {
      maxActiveCutoff = Select.kth(scratch, 0, n, opt.maxActive());
    }
    if (maxActiveCutoff < beamCutoff) {
      adaptiveBeam = maxActiveCutoff - best + opt.beamDelta();
      return maxActiveCutoff;
    }
    double minActiveCutoff = Double.POSITIVE_INFINITY;
    if (n > opt.minActive()) {
      minActiveCutoff = opt.minActive() == 0 ? best
          : Select.kth(scratch, 0, Math.min(n, opt.maxActive()), opt.minActive());
    }
    if (minActiveCutoff > beamCutoff) {
      adaptiveBeam = minActiveCutoff - best + opt.beamDelta();
      return minActiveCutoff;
    }
    adaptiveBeam = opt.beam();
    return beamCutoff;
  }

  private int newToken(int state, double cost, int back, int il, int ol, float gw) {
    if (numToks == tState.length) {
      int cap = numToks * 2;
      tState = Arrays.copyOf(tState, cap);
      tBack = Arrays.copyOf(tBack, cap);
      tIlabel = Arrays.copyOf(tIlabel, cap);
      tOlabel = Arrays.copyOf(tOlabel, cap);
      tGraph = Arrays.copyOf(tGraph, cap);
      tCost = Arrays.copyOf(tCost, cap);
      if (recordLattice) {
        tLinks = Arrays.copyOf(tLinks, cap);
      }
    }
    int j = numToks++;
    tState[j] = state;
    setToken(j, cost, back, il, ol, gw);
    if (recordLattice) {
      tLinks[j] = -1;
    }
    slot[state] = j;
    return j;
  }

  private void setToken(int j, double cost, int back, int il, int ol, float gw) {
    tCost[j] = cost;
    tBack[j] = back;
    tIlabel[j] = il;
    tOlabel[j] = ol;
    tGraph[j] = gw;
  }

  /** Drops tokens not on the traceback of any current token; keeps order, so frames stay contiguous. */
  private void collectGarbage() {
    boolean[] live = new boolean[numToks];
    for (int i = curStart; i < numToks; i++) {
      for (int j = i; j >= 0 && !live[j]; j = tBack[j]) {
        live[j] = true;
      }
    }
    int[] map = new int[numToks];
    int m = 0;
    for (int i = 0; i < numToks; i++) {
      if (live[i]) {
        map[i] = m;
        tState[m] = tState[i];
        tBack[m] = tBack[i];
        tIlabel[m] = tIlabel[i];
        tOlabel[m] = tOlabel[i];
        tGraph[m] = tGraph[i];
        tCost[m] = tCost[i];
        m++;
      } else {
        map[i] = -1;
      }
    }
    for (int i = 0; i < m; i++) {
      if (tBack[i] >= 0) {
        tBack[i] = map[tBack[i]];
      }
    }
    int newStart = map[curStart];
    numToks = m;
    curStart = newStart;
    for (int i = curStart; i < numToks; i++) {
      slot[tState[i]] = i;
    }
    gcThreshold = Math.max(1L << 20, 4L * m);
  }
}
