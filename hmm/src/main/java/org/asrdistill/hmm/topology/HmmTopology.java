package org.asrdistill.hmm.topology;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.TextNumbers;

/**
 * Kaldi's {@code HmmTopology}: one HMM prototype ({@link Entry}) per group of phones, with the text form
 * ({@code <Topology> <TopologyEntry> <ForPhones> ... </ForPhones> <State> 0 <PdfClass> 0 <Transition> 0 0.75
 * ...}) and the binary form of {@code hmm-topology.cc}. Immutable.
 */
public final class HmmTopology {
  /** Kaldi's {@code kNoPdf}: a non-emitting state. */
  public static final int NO_PDF = -1;

  /** One HMM state: pdf classes (both {@link #NO_PDF} if non-emitting) and transitions out. */
  public record State(int forwardPdfClass, int selfLoopPdfClass, int[] destinations, float[] probs) {
    public State {
      if (destinations.length != probs.length) {
        throw new IllegalArgumentException("destinations and probs must have equal length; got: "
            + destinations.length + " and " + probs.length);
      }
      destinations = destinations.clone();
      probs = probs.clone();
    }

    public int numTransitions() {
      return destinations.length;
    }

    public int destination(int i) {
      return destinations[i];
    }

    public float prob(int i) {
      return probs[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s && s.forwardPdfClass == forwardPdfClass
          && s.selfLoopPdfClass == selfLoopPdfClass && Arrays.equals(s.destinations, destinations)
          && Arrays.equals(s.probs, probs);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * forwardPdfClass + selfLoopPdfClass) + Arrays.hashCode(destinations);
    }
  }

  /** A topology entry: the states of one HMM prototype; the last state is the non-emitting final state. */
  public record Entry(List<State> states) {
    public Entry {
      states = List.copyOf(states);
    }

    public int size() {
      return states.size();
    }

    public State state(int i) {
      return states.get(i);
    }
  }

  private final int[] phones; // sorted
  private final int[] phone2idx; // -1 where not covered
  private final List<Entry> entries;

  private HmmTopology(int[] phones, int[] phone2idx, List<Entry> entries) {
    this.phones = phones;
    this.phone2idx = phone2idx;
    this.entries = List.copyOf(entries);
  }

  /**
   * Builds a topology from entries and the phones each covers ({@code phoneLists.get(i)} for entry i).
   *
   * @throws IllegalArgumentException if a phone is covered twice or an entry is invalid (Kaldi's Check)
   */
  public static HmmTopology of(List<int[]> phoneLists, List<Entry> entries) {
    if (phoneLists.size() != entries.size()) {
      throw new IllegalArgumentException("phoneLists and entries must have equal size; got: "
          + phoneLists.size() + " and " + entries.size());
    }
    TreeSet<Integer> all = new TreeSet<>();
    int max = 0;
    for (int[] list : phoneLists) {
      for (int p : list) {
        if (p <= 0) {
          throw new IllegalArgumentException("phones must be > 0; got: " + p);
        }
        if (!all.add(p)) {
          throw new IllegalArgumentException("phone " + p + " appears in multiple topology entries");
        }
        max = Math.max(max, p);
      }
    }
    int[] phone2idx = new int[max + 1];
    Arrays.fill(phone2idx, -1);
    for (int i = 0; i < phoneLists.size(); i++) {
      for (int p : phoneLists.get(i)) {
        phone2idx[p] = i;
      }
    }
    HmmTopology t = new HmmTopology(all.stream().mapToInt(Integer::intValue).toArray(), phone2idx, entries);
    String problem = t.check();
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return t;
  }

  /** Sorted phones covered by this topology. */
  public int[] phones() {
    return phones.clone();
  }

  public List<Entry> entries() {
    return entries;
  }

  public boolean covers(int phone) {
    return phone > 0 && phone < phone2idx.length && phone2idx[phone] >= 0;
  }

  /** The entry of {@code phone}. */
  public Entry topologyForPhone(int phone) {
    if (!covers(phone)) {
      throw new IllegalArgumentException("phone " + phone + " is not covered by the topology");
    }
    return entries.get(phone2idx[phone]);
  }

  /** Number of pdf classes of {@code phone}: one more than its largest pdf class. */
  public int numPdfClasses(int phone) {
    int max = 0;
    for (State s : topologyForPhone(phone).states()) {
      max = Math.max(max, Math.max(s.forwardPdfClass(), s.selfLoopPdfClass()));
    }
    return max + 1;
  }

  /** Kaldi's {@code GetPhoneToNumPdfClasses}: indexed by phone, -1 for phones not covered. */
  public int[] phoneToNumPdfClasses() {
    int[] r = new int[phones[phones.length - 1] + 1];
    Arrays.fill(r, -1);
    for (int p : phones) {
      r[p] = numPdfClasses(p);
    }
    return r;
  }

  /** True when every state's forward and self-loop pdf classes are equal (a conventional HMM). */
  public boolean isHmm() {
    for (Entry e : entries) {
      for (State s : e.states()) {
        if (s.forwardPdfClass() != s.selfLoopPdfClass()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Minimum number of frames a path through {@code phone}'s HMM takes (Kaldi's {@code MinLength}). */
  public int minLength(int phone) {
    Entry e = topologyForPhone(phone);
    int n = e.size();
    int[] min = new int[n];
    Arrays.fill(min, Integer.MAX_VALUE);
    min[0] = e.state(0).forwardPdfClass() == NO_PDF ? 0 : 1;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s = 0; s < n; s++) {
        if (min[s] == Integer.MAX_VALUE) {
          continue;
        }
        State st = e.state(s);
        for (int k = 0; k < st.numTransitions(); k++) {
          int next = st.destination(k);
          int len = min[s] + (e.state(next).forwardPdfClass() == NO_PDF ? 0 : 1);
          if (len < min[next]) {
            min[next] = len;
            changed = true;
          }
        }
      }
    }
    return min[n - 1];
  }

  /** Kaldi's {@code HmmTopology::Check}; returns the problem or null. */
  private String check() {
    if (entries.isEmpty() || phones.length == 0) {
      return "empty topology";
    }
    boolean[] seen = new boolean[entries.size()];
    for (int p : phones) {
      seen[phone2idx[p]] = true;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!seen[i]) {
        return "topology entry " + i + " has no phones";
      }
      Entry e = entries.get(i);
      int n = e.size();
      String where = "topology entry " + i;
      if (n <= 1) {
        return where + " must have at least one emitting state";
      }
      State last = e.state(n - 1);
      if (last.numTransitions() != 0 || last.forwardPdfClass() != NO_PDF) {
        return where + ": the last state must be non-emitting with no transitions";
      }
      boolean[] hasIn = new boolean[n];
      TreeSet<Integer> pdfClasses = new TreeSet<>();
      for (int j = 0; j < n; j++) {
        State s = e.state(j);
        if (s.forwardPdfClass() != NO_PDF) {
          pdfClasses.add(s.forwardPdfClass());
          pdfClasses.add(s.selfLoopPdfClass());
        }
        double total = 0;
        TreeSet<Integer> dests = new TreeSet<>();
        for (int k = 0; k < s.numTransitions(); k++) {
          int d = s.destination(k);
          total += s.prob(k);
          if (!(s.prob(k) > 0)) {
            return where + ", state " + j + ": transition probabilities must be > 0; got: " + s.prob(k);
          }
          if (d < 0 || d >= n) {
            return where + ", state " + j + ": invalid destination state " + d;
          }
          if (d == n - 1 && s.forwardPdfClass() == NO_PDF) {
            return where + ", state " + j + ": a non-emitting state may not go to the final state";
          }
          if (!dests.add(d)) {
            return where + ", state " + j + ": duplicate transition to " + d;
          }
          if (d == j && s.selfLoopPdfClass() == NO_PDF) {
            return where + ", state " + j + ": non-emitting states cannot have self-loops";
          }
          hasIn[d] = true;
        }
        if (j + 1 < n && !(total > 0)) {
          return where + ", state " + j + ": a non-final state must have transitions out";
        }
      }
      for (int j = 1; j < n; j++) {
        if (!hasIn[j]) {
          return where + ", state " + j + " has no input transitions";
        }
      }
      if (pdfClasses.isEmpty() || pdfClasses.first() != 0 || pdfClasses.last() != pdfClasses.size() - 1) {
        return where + ": pdf classes must be contiguous and start from zero";
      }
    }
    return null;
  }

  /** Reads as Kaldi's {@code HmmTopology::Read} (after any binary header). */
  public static HmmTopology read(KaldiInput in, boolean binary) throws IOException {
    long start = in.offset();
    in.expectToken("<Topology>");
    List<int[]> phoneLists = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    if (!binary) {
      readText(in, phoneLists, entries);
    } else {
      readBinary(in, phoneLists, entries);
    }
    try {
      return of(phoneLists, entries);
    } catch (IllegalArgumentException e) {
      throw new KaldiFormatException(in.name(), in.key(), start, "invalid topology: " + e.getMessage());
    }
  }

  private static void readText(KaldiInput in, List<int[]> phoneLists, List<Entry> entries) throws IOException {
    while (true) {
      long at = in.offset();
      String token = in.readWord("token");
      if (token == null) {
        throw in.error("unexpected end of input inside <Topology>");
      }
      if (token.equals("</Topology>")) {
        break;
      }
      if (!token.equals("<TopologyEntry>")) {
        throw in.error(at, "expected </Topology> or <TopologyEntry>, found '" + KaldiInput.abbreviate(token) + "'");
      }
      in.expectToken("<ForPhones>");
      List<Integer> ph = new ArrayList<>();
      while (true) {
        long pat = in.offset();
        String s = in.readWord("phone");
        if (s == null) {
          throw in.error("unexpected end of input while reading <ForPhones>");
        }
        if (s.equals("</ForPhones>")) {
          break;
        }
        try {
          ph.add(Integer.parseInt(s));
        } catch (NumberFormatException e) {
          throw in.error(pat, "expected an integer phone, found '" + KaldiInput.abbreviate(s) + "'");
        }
      }
      List<State> states = new ArrayList<>();
      String tok = in.readToken("token");
      while (!tok.equals("</TopologyEntry>")) {
        if (!tok.equals("<State>")) {
          throw in.error("expected </TopologyEntry> or <State>, found '" + KaldiInput.abbreviate(tok) + "'");
        }
        long sat = in.offset();
        int index = in.readInt32Text("state index");
        if (index != states.size()) {
          throw in.error(sat, "states must be numbered in order from zero: expected " + states.size()
              + ", found " + index);
        }
        tok = in.readToken("token");
        int fwd = NO_PDF;
        int self = NO_PDF;
        if (tok.equals("<PdfClass>")) {
          fwd = self = in.readInt32Text("pdf class");
          tok = in.readToken("token");
        } else if (tok.equals("<ForwardPdfClass>")) {
          fwd = in.readInt32Text("forward pdf class");
          tok = in.readToken("token");
          if (!tok.equals("<SelfLoopPdfClass>")) {
            throw in.error("expected <SelfLoopPdfClass>, found '" + KaldiInput.abbreviate(tok) + "'");
          }
          self = in.readInt32Text("self-loop pdf class");
          tok = in.readToken("token");
        }
        List<int[]> dest = new ArrayList<>();
        List<Float> prob = new ArrayList<>();
        while (tok.equals("<Transition>")) {
          dest.add(new int[] {in.readInt32Text("destination state")});
          prob.add(KaldiObjects.readFloat(in, false, "transition probability"));
          tok = in.readToken("token");
        }
        if (!tok.equals("</State>")) {
          throw in.error("expected </State>, found '" + KaldiInput.abbreviate(tok) + "'");
        }
        int[] d = new int[dest.size()];
        float[] p = new float[prob.size()];
        for (int k = 0; k < d.length; k++) {
          d[k] = dest.get(k)[0];
          p[k] = prob.get(k);
        }
        states.add(new State(fwd, self, d, p));
        tok = in.readToken("token");
      }
      phoneLists.add(ph.stream().mapToInt(Integer::intValue).toArray());
      entries.add(new Entry(states));
    }
  }

  private static void readBinary(KaldiInput in, List<int[]> phoneLists, List<Entry> entries) throws IOException {
    int[] phones = KaldiObjects.readIntVector(in, true, "phones");
    long at = in.offset();
    int[] phone2idx = KaldiObjects.readIntVector(in, true, "phone2idx");
    int n = in.readInt32Binary();
    boolean isHmm = true;
    if (n == -1) {
      isHmm = false;
      n = in.readInt32Binary();
    }
    if (n < 0 || n > 1 << 20) {
      throw in.error("bad number of topology entries " + n);
    }
    for (int i = 0; i < n; i++) {
      int ns = in.readInt32Binary();
      if (ns < 0 || ns > 1 << 16) {
        throw in.error("bad number of states " + ns);
      }
      List<State> states = new ArrayList<>();
      for (int j = 0; j < ns; j++) {
        int fwd = in.readInt32Binary();
        int self = isHmm ? fwd : in.readInt32Binary();
        int nt = in.readInt32Binary();
        if (nt < 0 || nt > 1 << 16) {
          throw in.error("bad number of transitions " + nt);
        }
        int[] d = new int[nt];
        float[] p = new float[nt];
        for (int k = 0; k < nt; k++) {
          d[k] = in.readInt32Binary();
          p[k] = (float) in.readRealBinary();
        }
        states.add(new State(fwd, self, d, p));
      }
      entries.add(new Entry(states));
    }
    in.expectToken("</Topology>");
    for (int i = 0; i < n; i++) {
      List<Integer> ph = new ArrayList<>();
      for (int p = 0; p < phone2idx.length; p++) {
        if (phone2idx[p] == i) {
          ph.add(p);
        }
      }
      phoneLists.add(ph.stream().mapToInt(Integer::intValue).toArray());
    }
    long covered = Arrays.stream(phone2idx).filter(x -> x != -1).count();
    if (covered != phones.length) {
      throw in.error(at, "phone2idx covers " + covered + " phones but the phone list has " + phones.length);
    }
  }

  /** Writes as Kaldi's {@code HmmTopology::Write}. */
  public void write(KaldiOutput out, boolean binary) throws IOException {
    boolean isHmm = isHmm();
    out.writeToken("<Topology>");
    if (!binary) {
      out.writeText("\n");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < entries.size(); i++) {
        sb.append("<TopologyEntry> \n<ForPhones> \n");
        for (int p = 0; p < phone2idx.length; p++) {
          if (phone2idx[p] == i) {
            sb.append(p).append(' ');
          }
        }
        sb.append("\n</ForPhones> \n");
        Entry e = entries.get(i);
        for (int j = 0; j < e.size(); j++) {
          State s = e.state(j);
          sb.append("<State> ").append(j).append(' ');
          if (s.forwardPdfClass() != NO_PDF) {
            if (isHmm) {
              sb.append("<PdfClass> ").append(s.forwardPdfClass()).append(' ');
            } else {
              sb.append("<ForwardPdfClass> ").append(s.forwardPdfClass()).append(' ')
                  .append("<SelfLoopPdfClass> ").append(s.selfLoopPdfClass()).append(' ');
            }
          }
          for (int k = 0; k < s.numTransitions(); k++) {
            sb.append("<Transition> ").append(s.destination(k)).append(' ')
                .append(TextNumbers.format(s.prob(k))).append(' ');
          }
          sb.append("</State> \n");
        }
        sb.append("</TopologyEntry> \n");
      }
      out.writeText(sb.toString());
    } else {
      KaldiObjects.writeIntVector(out, true, phones);
      KaldiObjects.writeIntVector(out, true, phone2idx);
      if (!isHmm) {
        out.writeInt32Binary(-1);
      }
      out.writeInt32Binary(entries.size());
      for (Entry e : entries) {
        out.writeInt32Binary(e.size());
        for (State s : e.states()) {
          out.writeInt32Binary(s.forwardPdfClass());
          if (!isHmm) {
            out.writeInt32Binary(s.selfLoopPdfClass());
          }
          out.writeInt32Binary(s.numTransitions());
          for (int k = 0; k < s.numTransitions(); k++) {
            out.writeInt32Binary(s.destination(k));
            out.writeFloatBinary(s.prob(k));
          }
        }
      }
    }
    out.writeToken("</Topology>");
    if (!binary) {
      out.writeText("\n");
    }
  }

  /**
   * The topology text Kaldi's {@code utils/gen_topo.pl} prints: a left-to-right HMM of
   * {@code numNonsilStates} emitting states (self-loop 0.75, forward 0.25) for the non-silence phones, and
   * for the silence phones the {@code numSilStates}-state model whose first and middle states are fully
   * connected with probability 1/(numSilStates-1) (a single 0.75/0.25 state if numSilStates is 1).
   */
  public static String genTopoText(int numNonsilStates, int numSilStates, int[] nonsilPhones, int[] silPhones) {
    if (numNonsilStates < 1 || numNonsilStates > 100) {
      throw new IllegalArgumentException("numNonsilStates must be in [1, 100]; got: " + numNonsilStates);
    }
    if (!(numSilStates == 1 || numSilStates >= 3) || numSilStates > 100) {
      throw new IllegalArgumentException("numSilStates must be 1 or in [3, 100]; got: " + numSilStates);
    }
    if (nonsilPhones.length == 0 || silPhones.length == 0) {
      throw new IllegalArgumentException("both phone lists must be non-empty");
    }
    StringBuilder sb = new StringBuilder("<Topology>\n<TopologyEntry>\n<ForPhones>\n");
    sb.append(join(nonsilPhones)).append("\n</ForPhones>\n");
    for (int s = 0; s < numNonsilStates; s++) {
      sb.append(String.format(Locale.ROOT,
          "<State> %d <PdfClass> %d <Transition> %d 0.75 <Transition> %d 0.25 </State>\n", s, s, s, s + 1));
    }
    sb.append("<State> ").append(numNonsilStates).append(" </State>\n</TopologyEntry>\n");
    sb.append("<TopologyEntry>\n<ForPhones>\n").append(join(silPhones)).append("\n</ForPhones>\n");
    if (numSilStates > 1) {
      // perl prints 1/(n-1) with 15 significant digits
      String p = TextNumbers.formatG(1.0 / (numSilStates - 1), 15);
      sb.append("<State> 0 <PdfClass> 0 ");
      for (int next = 0; next < numSilStates - 1; next++) {
        sb.append("<Transition> ").append(next).append(' ').append(p).append(' ');
      }
      sb.append("</State>\n");
      for (int s = 1; s < numSilStates - 1; s++) {
        sb.append("<State> ").append(s).append(" <PdfClass> ").append(s).append(' ');
        for (int next = 1; next < numSilStates; next++) {
          sb.append("<Transition> ").append(next).append(' ').append(p).append(' ');
        }
        sb.append("</State>\n");
      }
      int s = numSilStates - 1;
      sb.append(String.format(Locale.ROOT,
          "<State> %d <PdfClass> %d <Transition> %d 0.75 <Transition> %d 0.25 </State>\n", s, s, s, s + 1));
    } else {
      sb.append("<State> 0 <PdfClass> 0 <Transition> 0 0.75 <Transition> 1 0.25 </State>\n");
    }
    sb.append("<State> ").append(numSilStates).append(" </State>\n</TopologyEntry>\n</Topology>\n");
    return sb.toString();
  }

  /** The topology {@link #genTopoText} describes, parsed as Kaldi parses it. */
  public static HmmTopology generate(int numNonsilStates, int numSilStates, int[] nonsilPhones, int[] silPhones) {
    byte[] text = genTopoText(numNonsilStates, numSilStates, nonsilPhones, silPhones)
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (KaldiInput in = KaldiInput.of("gen_topo", text)) {
      return read(in, false);
    } catch (IOException e) {
      throw new IllegalArgumentException("generated topology is invalid: " + e.getMessage(), e);
    }
  }

  private static String join(int[] a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      sb.append(i == 0 ? "" : " ").append(a[i]);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HmmTopology t && Arrays.equals(t.phones, phones)
        && Arrays.equals(t.phone2idx, phone2idx) && t.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(phones) * 31 + entries.hashCode();
  }
}
