package org.asrdistill.acoustic.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/**
 * Kaldi's {@code Questions} ({@code compile-questions} output): per event key, the candidate yes-sets and
 * the refinement options. Format: {@code <Questions> <Key> k <QuestionsForKey> n [set]...
 * <RefineClustersOptions> iters top_n </RefineClustersOptions> </QuestionsForKey> ... </Questions>}.
 * Immutable.
 */
public final class Questions {
  /** Questions of one key: sorted yes-sets and Kaldi's {@code RefineClustersOptions}. */
  public record ForKey(List<int[]> questions, int refineIters, int topN) {
    public ForKey {
      if (refineIters < 0 || topN < 2) {
        throw new IllegalArgumentException("need refineIters >= 0 and topN >= 2; got: " + refineIters + ", " + topN);
      }
      List<int[]> copy = new ArrayList<>();
      for (int[] q : questions) {
        int[] s = q.clone();
        Arrays.sort(s);
        copy.add(s);
      }
      questions = List.copyOf(copy);
    }
  }

  private final TreeMap<Integer, ForKey> byKey;

  public Questions(Map<Integer, ForKey> byKey) {
    this.byKey = new TreeMap<>(byKey);
  }

  /** Keys with questions, ascending (as Kaldi's {@code GetKeysWithQuestions}). */
  public List<Integer> keys() {
    return List.copyOf(byKey.keySet());
  }

  /** The questions of a key, or null. */
  public ForKey forKey(int key) {
    return byKey.get(key);
  }

  /**
   * Kaldi's {@code compile-questions}: the phone sets (sorted, duplicates removed) as questions for every
   * context position 0..N-1, and {@code [0], [0,1], ...} for the pdf class (key -1) up to the largest number
   * of pdf classes in the topology.
   */
  public static Questions compile(HmmTopology topo, List<int[]> phoneSets, int contextWidth, int refineIters) {
    if (contextWidth < 1) {
      throw new IllegalArgumentException("contextWidth must be >= 1; got: " + contextWidth);
    }
    List<int[]> qs = new ArrayList<>();
    for (int[] s : phoneSets) {
      int[] q = s.clone();
      Arrays.sort(q);
      for (int i = 1; i < q.length; i++) {
        if (q[i] == q[i - 1]) {
          throw new IllegalArgumentException("question contains duplicate phones: " + Arrays.toString(s));
        }
      }
      qs.add(q);
    }
    qs.sort(Questions::compareSets);
    List<int[]> uniq = new ArrayList<>();
    for (int[] q : qs) {
      if (uniq.isEmpty() || compareSets(uniq.get(uniq.size() - 1), q) != 0) {
        uniq.add(q);
      }
    }
    int maxClasses = 0;
    for (int ph : topo.phones()) {
      maxClasses = Math.max(maxClasses, topo.numPdfClasses(ph));
    }
    TreeMap<Integer, ForKey> m = new TreeMap<>();
    for (int n = 0; n < contextWidth; n++) {
      m.put(n, new ForKey(uniq, refineIters, 5));
    }
    List<int[]> pc = new ArrayList<>();
    for (int i = 0; i < maxClasses - 1; i++) {
      int[] q = new int[i + 1];
      for (int j = 0; j <= i; j++) {
        q[j] = j;
      }
      pc.add(q);
    }
    m.put(-1, new ForKey(pc, refineIters, 5));
    return new Questions(m);
  }

  /** Lexicographic order of int vectors, as C++'s {@code std::vector} comparison. */
  static int compareSets(int[] a, int[] b) {
    return Arrays.compare(a, b);
  }

  static final Comparator<int[]> SET_ORDER = Questions::compareSets;

  public static Questions read(KaldiInput in, boolean binary) throws IOException {
    in.expectToken("<Questions>");
    TreeMap<Integer, ForKey> m = new TreeMap<>();
    while (true) {
      long at = in.offset();
      String t = in.readToken("token");
      if (t.equals("</Questions>")) {
        return new Questions(m);
      }
      if (!t.equals("<Key>")) {
        throw in.error(at, "expected <Key> or </Questions>, found '" + KaldiInput.abbreviate(t) + "'");
      }
      int key = KaldiObjects.readInt(in, binary, "key");
      in.expectToken("<QuestionsForKey>");
      long nat = in.offset();
      int n = KaldiObjects.readInt(in, binary, "number of questions");
      if (n < 0 || n > 1 << 20) {
        throw in.error(nat, "bad number of questions " + n);
      }
      List<int[]> qs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        qs.add(KaldiObjects.readIntVector(in, binary, "question"));
      }
      in.expectToken("<RefineClustersOptions>");
      long rat = in.offset();
      int iters = KaldiObjects.readInt(in, binary, "num_iters");
      int topN = KaldiObjects.readInt(in, binary, "top_n");
      in.expectToken("</RefineClustersOptions>");
      in.expectToken("</QuestionsForKey>");
      try {
        m.put(key, new ForKey(qs, iters, topN));
      } catch (IllegalArgumentException e) {
        throw in.error(rat, e.getMessage());
      }
    }
  }

  public void write(KaldiOutput out, boolean binary) throws IOException {
    out.writeToken("<Questions>");
    for (Map.Entry<Integer, ForKey> e : byKey.entrySet()) {
      out.writeToken("<Key>");
      KaldiObjects.writeInt(out, binary, e.getKey());
      ForKey f = e.getValue();
      out.writeToken("<QuestionsForKey>");
      KaldiObjects.writeInt(out, binary, f.questions().size());
      for (int[] q : f.questions()) {
        KaldiObjects.writeIntVector(out, binary, q);
      }
      out.writeToken("<RefineClustersOptions>");
      KaldiObjects.writeInt(out, binary, f.refineIters());
      KaldiObjects.writeInt(out, binary, f.topN());
      out.writeToken("</RefineClustersOptions>");
      out.writeToken("</QuestionsForKey>");
    }
    out.writeToken("</Questions>");
  }

  public static Questions readFile(String rxfilename) throws IOException {
    return KaldiObjects.readFile(rxfilename, Questions::read);
  }

  public void writeFile(String wxfilename, boolean binary) throws IOException {
    KaldiObjects.writeFile(wxfilename, this, binary, (o, q, b) -> q.write(o, b));
  }
}
