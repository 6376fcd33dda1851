package org.asrdistill.hmm.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.TextNumbers;

/**
 * Kaldi's {@code TransitionModel}: the topology plus the sorted list of transition states, one per tuple
 * (phone, hmm-state, forward-pdf, self-loop-pdf), and a log probability per transition-id. Transition
 * states and transition-ids are 1-based; transition-id t leaves transition state s by its transition index
 * t - firstId(s). Binary and text I/O follow {@code transition-model.cc} ({@code <Triples>} for ordinary
 * HMMs, {@code <Tuples>} otherwise).
 *
 * <p>The log probabilities are mutable (training updates them); everything else is fixed.
 */
public final class TransitionModel {
  private final HmmTopology topo;
  // tuples, indexed by transition state - 1
  private final int[] phone;
  private final int[] hmmState;
  private final int[] forwardPdf;
  private final int[] selfLoopPdf;
  // derived
  private final int[] state2id; // indexed by tstate 1..T+1
  private final int[] id2state; // indexed by tid 1..numIds
  private final int[] id2pdf;
  private final int numPdfs;
  private final float[] logProbs; // indexed by tid, [0] unused
  private final float[] nonSelfLoopLogProbs; // indexed by tstate

  private TransitionModel(HmmTopology topo, int[][] tuples, float[] logProbs) {
    this.topo = topo;
    int t = tuples.length;
    phone = new int[t];
    hmmState = new int[t];
    forwardPdf = new int[t];
    selfLoopPdf = new int[t];
    for (int i = 0; i < t; i++) {
      phone[i] = tuples[i][0];
      hmmState[i] = tuples[i][1];
      forwardPdf[i] = tuples[i][2];
      selfLoopPdf[i] = tuples[i][3];
    }
    state2id = new int[t + 2];
    int cur = 1;
    int maxPdf = 0;
    for (int ts = 1; ts <= t + 1; ts++) {
      state2id[ts] = cur;
      if (ts <= t) {
        maxPdf = Math.max(maxPdf, 1 + Math.max(forwardPdf[ts - 1], selfLoopPdf[ts - 1]));
        cur += hmmStateOf(ts).numTransitions();
      }
    }
    numPdfs = maxPdf;
    id2state = new int[cur];
    id2pdf = new int[cur];
    for (int ts = 1; ts <= t; ts++) {
      for (int tid = state2id[ts]; tid < state2id[ts + 1]; tid++) {
        id2state[tid] = ts;
        id2pdf[tid] = isSelfLoop(tid) ? selfLoopPdf[ts - 1] : forwardPdf[ts - 1];
      }
    }
    if (logProbs == null) {
      logProbs = new float[cur];
      for (int tid = 1; tid < cur; tid++) {
        float prob = hmmStateOf(id2state[tid]).prob(transitionIdToTransitionIndex(tid));
        logProbs[tid] = (float) Math.log(prob);
      }
    }
    this.logProbs = logProbs;
    this.nonSelfLoopLogProbs = new float[t + 1];
    computeDerivedOfProbs();
  }

  private HmmTopology.State hmmStateOf(int tstate) {
    HmmTopology.Entry e = topo.topologyForPhone(phone[tstate - 1]);
    int s = hmmState[tstate - 1];
    if (s < 0 || s >= e.size()) {
      throw new IllegalArgumentException("hmm-state " + s + " out of range for phone " + phone[tstate - 1]);
    }
    return e.state(s);
  }

  /**
   * Builds the transition model of a tree and topology, as Kaldi's constructor (for ordinary HMM topologies,
   * where each state has a single pdf class), with probabilities from the topology.
   */
  public static TransitionModel create(ContextDependency ctxDep, HmmTopology topo) {
    if (!topo.isHmm()) {
      throw new IllegalArgumentException("topologies with separate self-loop pdf classes are not supported "
          + "by create(); read such models from files instead");
    }
    int[] phones = topo.phones();
    int[] numPdfClasses = topo.phoneToNumPdfClasses();
    List<int[][]> pdfInfo = ctxDep.pdfInfo(phones, numPdfClasses);
    Map<Long, List<Integer>> toHmmStates = new HashMap<>();
    for (int ph : phones) {
      HmmTopology.Entry e = topo.topologyForPhone(ph);
      for (int j = 0; j < e.size(); j++) {
        int pc = e.state(j).forwardPdfClass();
        if (pc != HmmTopology.NO_PDF) {
          toHmmStates.computeIfAbsent(((long) ph << 32) | pc, k -> new ArrayList<>()).add(j);
        }
      }
    }
    List<int[]> tuples = new ArrayList<>();
    for (int pdf = 0; pdf < pdfInfo.size(); pdf++) {
      for (int[] pair : pdfInfo.get(pdf)) {
        List<Integer> states = toHmmStates.get(((long) pair[0] << 32) | pair[1]);
        if (states == null) {
          throw new IllegalArgumentException("tree maps phone " + pair[0] + " pdf class " + pair[1]
              + " but the topology has no such state");
        }
        for (int s : states) {
          tuples.add(new int[] {pair[0], s, pdf, pdf});
        }
      }
    }
    tuples.sort(TransitionModel::compareTuples);
    return new TransitionModel(topo, tuples.toArray(new int[0][]), null);
  }

  private static int compareTuples(int[] a, int[] b) {
    for (int i = 0; i < 4; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  private void computeDerivedOfProbs() {
    for (int ts = 1; ts <= numTransitionStates(); ts++) {
      int tid = selfLoopOf(ts);
      if (tid == 0) {
        nonSelfLoopLogProbs[ts] = 0f;
      } else {
        float selfLoop = (float) Math.exp(logProbs[tid]);
        float nonSelfLoop = 1.0f - selfLoop;
        if (nonSelfLoop <= 0) {
          nonSelfLoop = 1.0e-10f;
        }
        nonSelfLoopLogProbs[ts] = (float) Math.log(nonSelfLoop);
      }
    }
  }

  public HmmTopology topology() {
    return topo;
  }

  public int numTransitionIds() {
    return id2state.length - 1;
  }

  public int numTransitionStates() {
    return phone.length;
  }

  /** One more than the largest pdf id in any tuple. */
  public int numPdfs() {
    return numPdfs;
  }

  /** The largest phone in any tuple. */
  public int numPhones() {
    int max = 0;
    for (int p : phone) {
      max = Math.max(max, p);
    }
    return max;
  }

  /** True when every tuple's forward and self-loop pdfs come from equal pdf classes (written as Triples). */
  public boolean isHmm() {
    return topo.isHmm();
  }

  private void checkTid(int tid) {
    if (tid <= 0 || tid >= id2state.length) {
      throw new IllegalArgumentException("transition-id must be in [1, " + numTransitionIds() + "]; got: " + tid);
    }
  }

  private void checkTstate(int ts) {
    if (ts <= 0 || ts > phone.length) {
      throw new IllegalArgumentException("transition state must be in [1, " + phone.length + "]; got: " + ts);
    }
  }

  public int transitionIdToTransitionState(int tid) {
    checkTid(tid);
    return id2state[tid];
  }

  public int transitionIdToTransitionIndex(int tid) {
    checkTid(tid);
    return tid - state2id[id2state[tid]];
  }

  public int transitionIdToPdf(int tid) {
    checkTid(tid);
    return id2pdf[tid];
  }

  /** A copy of the transition-id to pdf table (index 0 unused). */
  public int[] transitionIdToPdfArray() {
    return id2pdf.clone();
  }

  public int transitionIdToPhone(int tid) {
    return phone[transitionIdToTransitionState(tid) - 1];
  }

  public int transitionIdToHmmState(int tid) {
    return hmmState[transitionIdToTransitionState(tid) - 1];
  }

  public int transitionIdToPdfClass(int tid) {
    HmmTopology.State s = hmmStateOf(transitionIdToTransitionState(tid));
    return isSelfLoop(tid) ? s.selfLoopPdfClass() : s.forwardPdfClass();
  }

  public int transitionStateToPhone(int ts) {
    checkTstate(ts);
    return phone[ts - 1];
  }

  public int transitionStateToHmmState(int ts) {
    checkTstate(ts);
    return hmmState[ts - 1];
  }

  public int transitionStateToForwardPdf(int ts) {
    checkTstate(ts);
    return forwardPdf[ts - 1];
  }

  public int transitionStateToSelfLoopPdf(int ts) {
    checkTstate(ts);
    return selfLoopPdf[ts - 1];
  }

  public int numTransitionIndices(int ts) {
    checkTstate(ts);
    return state2id[ts + 1] - state2id[ts];
  }

  public int pairToTransitionId(int ts, int index) {
    if (index < 0 || index >= numTransitionIndices(ts)) {
      throw new IllegalArgumentException("transition index must be in [0, " + numTransitionIndices(ts)
          + "); got: " + index);
    }
    return state2id[ts] + index;
  }

  /** The transition state of a tuple, or throws if the tuple does not exist (incompatible tree and model). */
  public int tupleToTransitionState(int ph, int hmmSt, int pdf, int selfLoop) {
    int lo = 0;
    int hi = phone.length - 1;
    int[] key = {ph, hmmSt, pdf, selfLoop};
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareTuples(new int[] {phone[mid], hmmState[mid], forwardPdf[mid], selfLoopPdf[mid]}, key);
      if (c == 0) {
        return mid + 1;
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    throw new IllegalArgumentException("tuple (" + ph + ", " + hmmSt + ", " + pdf + ", " + selfLoop
        + ") not found (incompatible tree and model?)");
  }

  public boolean isSelfLoop(int tid) {
    int ts = id2state[tid];
    int index = tid - state2id[ts];
    HmmTopology.State s = hmmStateOf(ts);
    return index < s.numTransitions() && s.destination(index) == hmmState[ts - 1];
  }

  /** True if the transition goes to the final (non-emitting) state of the phone's HMM. */
  public boolean isFinal(int tid) {
    int ts = transitionIdToTransitionState(tid);
    int index = tid - state2id[ts];
    HmmTopology.Entry e = topo.topologyForPhone(phone[ts - 1]);
    return e.state(hmmState[ts - 1]).destination(index) + 1 == e.size();
  }

  /** The self-loop transition-id of a transition state, or 0 if it has none. */
  public int selfLoopOf(int ts) {
    checkTstate(ts);
    HmmTopology.State s = hmmStateOf(ts);
    for (int k = 0; k < s.numTransitions(); k++) {
      if (s.destination(k) == hmmState[ts - 1]) {
        return state2id[ts] + k;
      }
    }
    return 0;
  }

  public float transitionLogProb(int tid) {
    checkTid(tid);
    return logProbs[tid];
  }

  public float transitionProb(int tid) {
    return (float) Math.exp(transitionLogProb(tid));
  }

  /** Sets a transition's log probability (for training updates). */
  public void setTransitionLogProb(int tid, float logProb) {
    checkTid(tid);
    if (!(logProb <= 0)) {
      throw new IllegalArgumentException("logProb must be <= 0; got: " + logProb);
    }
    logProbs[tid] = logProb;
    computeDerivedOfProbs();
  }

  /**
   * Sets every transition's log probability at once (index 0 unused), as a training update does; cheaper
   * than {@link #setTransitionLogProb} per transition, which recomputes the derived values each time.
   */
  public void setTransitionLogProbs(float[] newLogProbs) {
    if (newLogProbs.length != logProbs.length) {
      throw new IllegalArgumentException("newLogProbs must have " + logProbs.length + " entries; got: "
          + newLogProbs.length);
    }
    for (int tid = 1; tid < newLogProbs.length; tid++) {
      if (!(newLogProbs[tid] <= 0) || Float.isInfinite(newLogProbs[tid])) {
        throw new IllegalArgumentException("log prob of transition-id " + tid + " must be finite and <= 0; got: "
            + newLogProbs[tid]);
      }
    }
    System.arraycopy(newLogProbs, 1, logProbs, 1, newLogProbs.length - 1);
    computeDerivedOfProbs();
  }

  /** Log of one minus the self-loop probability of a transition state (0 if it has no self-loop). */
  public float nonSelfLoopLogProb(int ts) {
    checkTstate(ts);
    return nonSelfLoopLogProbs[ts];
  }

  /** Kaldi's {@code GetTransitionLogProbIgnoringSelfLoops}, for graphs with self-loops added later. */
  public float transitionLogProbIgnoringSelfLoops(int tid) {
    return transitionLogProb(tid) - nonSelfLoopLogProb(transitionIdToTransitionState(tid));
  }

  /** Reads as Kaldi's {@code TransitionModel::Read} (after any binary header). */
  public static TransitionModel read(KaldiInput in, boolean binary) throws IOException {
    long start = in.offset();
    in.expectToken("<TransitionModel>");
    HmmTopology topo = HmmTopology.read(in, binary);
    long at = in.offset();
    String token = in.readToken("token");
    boolean tuplesForm = token.equals("<Tuples>");
    if (!tuplesForm && !token.equals("<Triples>")) {
      throw in.error(at, "expected <Triples> or <Tuples>, found '" + KaldiInput.abbreviate(token) + "'");
    }
    int size = KaldiObjects.readInt(in, binary, "number of tuples");
    if (size <= 0 || size > 1 << 24) {
      throw in.error(at, "bad number of tuples " + size);
    }
    int[][] tuples = new int[size][];
    for (int i = 0; i < size; i++) {
      long tat = in.offset();
      int ph = KaldiObjects.readInt(in, binary, "phone");
      int st = KaldiObjects.readInt(in, binary, "hmm-state");
      int fwd = KaldiObjects.readInt(in, binary, "forward pdf");
      int self = tuplesForm ? KaldiObjects.readInt(in, binary, "self-loop pdf") : fwd;
      if (!topo.covers(ph) || st < 0 || st >= topo.topologyForPhone(ph).size() - 1 || fwd < 0 || self < 0) {
        throw in.error(tat, "invalid tuple (" + ph + ", " + st + ", " + fwd + ", " + self + ")");
      }
      if (i > 0 && compareTuples(tuples[i - 1], new int[] {ph, st, fwd, self}) >= 0) {
        throw in.error(tat, "tuples are not sorted and unique");
      }
      tuples[i] = new int[] {ph, st, fwd, self};
    }
    at = in.offset();
    token = in.readToken("token");
    if (!token.equals(tuplesForm ? "</Tuples>" : "</Triples>")) {
      throw in.error(at, "expected the end of the tuples, found '" + KaldiInput.abbreviate(token) + "'");
    }
    in.expectToken("<LogProbs>");
    at = in.offset();
    float[] lp = KaldiObjects.readFloatVector(in, binary, "log probs");
    in.expectToken("</LogProbs>");
    in.expectToken("</TransitionModel>");
    TransitionModel tm = new TransitionModel(topo, tuples, null);
    if (lp.length != tm.numTransitionIds() + 1) {
      throw in.error(at, "log probs have dimension " + lp.length + ", expected " + (tm.numTransitionIds() + 1));
    }
    for (int tid = 1; tid < lp.length; tid++) {
      if (!(lp[tid] <= 0) || Float.isInfinite(lp[tid])) {
        throw new KaldiFormatException(in.name(), in.key(), start, "log prob of transition-id " + tid
            + " is " + lp[tid] + " (must be finite and <= 0)");
      }
    }
    System.arraycopy(lp, 0, tm.logProbs, 0, lp.length);
    tm.computeDerivedOfProbs();
    return tm;
  }

  /** Writes as Kaldi's {@code TransitionModel::Write}. */
  public void write(KaldiOutput out, boolean binary) throws IOException {
    boolean hmm = isHmm();
    out.writeToken("<TransitionModel>");
    if (!binary) {
      out.writeText("\n");
    }
    topo.write(out, binary);
    out.writeToken(hmm ? "<Triples>" : "<Tuples>");
    KaldiObjects.writeInt(out, binary, phone.length);
    if (!binary) {
      out.writeText("\n");
    }
    for (int i = 0; i < phone.length; i++) {
      KaldiObjects.writeInt(out, binary, phone[i]);
      KaldiObjects.writeInt(out, binary, hmmState[i]);
      KaldiObjects.writeInt(out, binary, forwardPdf[i]);
      if (!hmm) {
        KaldiObjects.writeInt(out, binary, selfLoopPdf[i]);
      }
      if (!binary) {
        out.writeText("\n");
      }
    }
    out.writeToken(hmm ? "</Triples>" : "</Tuples>");
    if (!binary) {
      out.writeText("\n");
    }
    out.writeToken("<LogProbs>");
    if (!binary) {
      out.writeText("\n");
    }
    KaldiObjects.writeFloatVector(out, binary, logProbs);
    out.writeToken("</LogProbs>");
    if (!binary) {
      out.writeText("\n");
    }
    out.writeToken("</TransitionModel>");
    if (!binary) {
      out.writeText("\n");
    }
  }

  /** Reads the transition model at the start of a model file ({@code final.mdl}); the rest is ignored. */
  public static TransitionModel readFile(String rxfilename) throws IOException {
    return KaldiObjects.readFile(rxfilename, TransitionModel::read);
  }

  public void writeFile(String wxfilename, boolean binary) throws IOException {
    KaldiObjects.writeFile(wxfilename, this, binary, (o, t, b) -> t.write(o, b));
  }

  /**
   * Kaldi's {@code TransitionModel::Print} (the output of show-transitions); {@code phoneNames} is indexed
   * by phone id, {@code occs} (per pdf) may be null.
   */
  public String print(List<String> phoneNames, double[] occs) {
    if (occs != null && occs.length != numPdfs) {
      throw new IllegalArgumentException("occs must have " + numPdfs + " entries; got: " + occs.length);
    }
    boolean hmm = isHmm();
    StringBuilder sb = new StringBuilder();
    for (int ts = 1; ts <= numTransitionStates(); ts++) {
      int ph = phone[ts - 1];
      if (ph >= phoneNames.size() || phoneNames.get(ph) == null) {
        throw new IllegalArgumentException("no name for phone " + ph);
      }
      sb.append("Transition-state ").append(ts).append(": phone = ").append(phoneNames.get(ph))
          .append(" hmm-state = ").append(hmmState[ts - 1]);
      if (hmm) {
        sb.append(" pdf = ").append(forwardPdf[ts - 1]).append('\n');
      } else {
        sb.append(" forward-pdf = ").append(forwardPdf[ts - 1]).append(" self-loop-pdf = ")
            .append(selfLoopPdf[ts - 1]).append('\n');
      }
      for (int k = 0; k < numTransitionIndices(ts); k++) {
        int tid = pairToTransitionId(ts, k);
        sb.append(" Transition-id = ").append(tid).append(" p = ")
            .append(TextNumbers.formatG(transitionProb(tid), 6));
        boolean loop = isSelfLoop(tid);
        if (occs != null) {
          sb.append(" count of pdf = ").append(TextNumbers.formatG(occs[loop ? selfLoopPdf[ts - 1]
              : forwardPdf[ts - 1]], 6));
        }
        if (loop) {
          sb.append(" [self-loop]\n");
        } else {
          sb.append(" [").append(hmmState[ts - 1]).append(" -> ").append(hmmStateOf(ts).destination(k))
              .append("]\n");
        }
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransitionModel t && t.topo.equals(topo) && Arrays.equals(t.phone, phone)
        && Arrays.equals(t.hmmState, hmmState) && Arrays.equals(t.forwardPdf, forwardPdf)
        && Arrays.equals(t.selfLoopPdf, selfLoopPdf) && Arrays.equals(t.logProbs, logProbs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(phone) * 31 + Arrays.hashCode(forwardPdf);
  }
}
