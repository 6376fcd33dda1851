package org.asrdistill.hmm.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.hmm.io.KaldiObjects;

/**
 * Kaldi's {@code ContextDependency} (the {@code tree} file): context width N, central position P and an
 * {@link EventMap} from (pdf class at key -1, phones at keys 0..N-1) to pdf ids. Text form:
 * {@code ContextDependency N P ToPdf <event-map> EndContextDependency}. Immutable.
 */
public final class ContextDependency {
  /** Key of the pdf class in events (Kaldi's {@code kPdfClass}). */
  public static final int PDF_CLASS_KEY = -1;

  private final int n;
  private final int p;
  private final EventMap toPdf;

  public ContextDependency(int contextWidth, int centralPosition, EventMap toPdf) {
    if (contextWidth < 1) {
      throw new IllegalArgumentException("contextWidth must be >= 1; got: " + contextWidth);
    }
    if (centralPosition < 0 || centralPosition >= contextWidth) {
      throw new IllegalArgumentException("centralPosition must be in [0, " + (contextWidth - 1) + "]; got: "
          + centralPosition);
    }
    this.n = contextWidth;
    this.p = centralPosition;
    this.toPdf = Objects.requireNonNull(toPdf, "toPdf");
  }

  /** N, the number of phones in the context window (1 monophone, 3 triphone). */
  public int contextWidth() {
    return n;
  }

  /** P, the position of the central phone in the window. */
  public int centralPosition() {
    return p;
  }

  public EventMap toPdf() {
    return toPdf;
  }

  /** Number of pdfs: one more than the largest answer of the tree. */
  public int numPdfs() {
    int max = toPdf.maxResult();
    return max < 0 ? 0 : max + 1;
  }

  /**
   * The pdf id for a window of N phones (0 for positions outside the utterance; the central phone is
   * nonzero) and a pdf class, or -1 if the tree has no answer.
   */
  public int compute(int[] phoneWindow, int pdfClass) {
    if (phoneWindow.length != n) {
      throw new IllegalArgumentException("phoneWindow must have " + n + " phones; got: " + phoneWindow.length);
    }
    int[] event = new int[n + 1];
    event[0] = pdfClass;
    for (int i = 0; i < n; i++) {
      if (phoneWindow[i] < 0) {
        throw new IllegalArgumentException("phones must be >= 0; got: " + phoneWindow[i]);
      }
      event[i + 1] = phoneWindow[i];
    }
    int ans = toPdf.map(event);
    return ans == EventMap.NO_ANSWER ? -1 : ans;
  }

  /**
   * Kaldi's {@code GetPdfInfo}: for each pdf, the sorted (phone, pdf-class) pairs that can map to it when
   * the context phones may be anything. {@code numPdfClasses} is indexed by phone.
   */
  public List<int[][]> pdfInfo(int[] phones, int[] numPdfClasses) {
    int numPdfs = numPdfs();
    List<TreeSet<Long>> sets = new ArrayList<>();
    for (int i = 0; i < numPdfs; i++) {
      sets.add(new TreeSet<>());
    }
    for (int phone : phones) {
      if (phone >= numPdfClasses.length) {
        throw new IllegalArgumentException("numPdfClasses has no entry for phone " + phone);
      }
      for (int pos = 0; pos < numPdfClasses[phone]; pos++) {
        int[] event = new int[n + 1];
        Arrays.fill(event, EventMap.ABSENT);
        event[0] = pos;
        event[p + 1] = phone;
        final int ph = phone;
        final int ps = pos;
        toPdf.multiMap(event, pdf -> {
          if (pdf < 0 || pdf >= numPdfs) {
            throw new IllegalStateException("tree answer " + pdf + " out of range");
          }
          sets.get(pdf).add(((long) ph << 32) | ps);
        });
      }
    }
    List<int[][]> out = new ArrayList<>();
    for (TreeSet<Long> s : sets) {
      int[][] pairs = new int[s.size()][];
      int i = 0;
      for (long v : s) {
        pairs[i++] = new int[] {(int) (v >>> 32), (int) v};
      }
      out.add(pairs);
    }
    return out;
  }

  /**
   * The monophone tree of Kaldi's {@code MonophoneContextDependency} (gmm-init-mono without
   * --shared-phones): N=1, P=0, one leaf per (phone, pdf class), numbered in phone order.
   */
  public static ContextDependency monophone(int[] phones, int[] phone2numPdfClasses) {
    List<int[]> sets = new ArrayList<>();
    for (int ph : phones) {
      sets.add(new int[] {ph});
    }
    return monophoneShared(sets, phone2numPdfClasses);
  }

  /**
   * Kaldi's {@code MonophoneContextDependencyShared} (gmm-init-mono --shared-phones=phones/sets.int): the
   * phones of each set share pdfs, one leaf per pdf class of the set.
   */
  public static ContextDependency monophoneShared(List<int[]> phoneSets, int[] phone2numPdfClasses) {
    if (phoneSets.isEmpty()) {
      throw new IllegalArgumentException("phoneSets must be non-empty");
    }
    TreeSet<Integer> all = new TreeSet<>();
    List<int[]> sorted = new ArrayList<>();
    for (int[] set : phoneSets) {
      int[] s = set.clone();
      Arrays.sort(s);
      if (s.length == 0) {
        throw new IllegalArgumentException("phone sets must be non-empty");
      }
      for (int ph : s) {
        if (!all.add(ph)) {
          throw new IllegalArgumentException("phone " + ph + " appears in more than one set");
        }
      }
      sorted.add(s);
    }
    int[] counter = {0};
    EventMap map = stubMap(0, sorted, phone2numPdfClasses, counter);
    return new ContextDependency(1, 0, map);
  }

  /** Kaldi's {@code GetStubMap} with share_roots false for every set. */
  private static EventMap stubMap(int p, List<int[]> sets, int[] numPdfClasses, int[] counter) {
    int maxSetSize = 0;
    int highest = 0;
    for (int[] s : sets) {
      maxSetSize = Math.max(maxSetSize, s.length);
      highest = Math.max(highest, s[s.length - 1]);
    }
    if (sets.size() == 1) {
      int maxLen = 0;
      for (int ph : sets.get(0)) {
        if (ph >= numPdfClasses.length || numPdfClasses[ph] <= 0) {
          throw new IllegalArgumentException("no pdf classes for phone " + ph);
        }
        maxLen = Math.max(maxLen, numPdfClasses[ph]);
      }
      EventMap[] table = new EventMap[maxLen];
      for (int c = 0; c < maxLen; c++) {
        table[c] = new EventMap.Constant(counter[0]++);
      }
      return new EventMap.Table(PDF_CLASS_KEY, table);
    } else if (maxSetSize == 1 && sets.size() <= 2 * highest) {
      TreeMap<Integer, EventMap> m = new TreeMap<>();
      for (int[] s : sets) {
        m.put(s[0], stubMap(p, List.of(s), numPdfClasses, counter));
      }
      EventMap[] table = new EventMap[m.lastKey() + 1];
      m.forEach((k, v) -> table[k] = v);
      return new EventMap.Table(p, table);
    } else {
      int half = sets.size() / 2;
      List<int[]> first = sets.subList(0, half);
      EventMap m1 = stubMap(p, first, numPdfClasses, counter);
      EventMap m2 = stubMap(p, sets.subList(half, sets.size()), numPdfClasses, counter);
      int[] yes = first.stream().flatMapToInt(Arrays::stream).sorted().toArray();
      return new EventMap.Split(p, yes, m1, m2);
    }
  }

  /** Reads as Kaldi's {@code ContextDependency::Read} (after any binary header). */
  public static ContextDependency read(KaldiInput in, boolean binary) throws IOException {
    long start = in.offset();
    in.expectToken("ContextDependency");
    int n = KaldiObjects.readInt(in, binary, "context width N");
    int p = KaldiObjects.readInt(in, binary, "central position P");
    if (n < 1 || n > 64 || p < 0 || p >= n) {
      throw new KaldiFormatException(in.name(), in.key(), start, "bad context width/central position N=" + n
          + " P=" + p);
    }
    long at = in.offset();
    String token = in.readToken("token");
    if (token.equals("ToLength")) {
      EventMap.read(in, binary);
      at = in.offset();
      token = in.readToken("token");
    }
    if (!token.equals("ToPdf")) {
      throw in.error(at, "expected ToPdf, found '" + KaldiInput.abbreviate(token) + "'");
    }
    at = in.offset();
    EventMap map = EventMap.read(in, binary);
    if (map == null) {
      throw in.error(at, "the tree's ToPdf map is NULL");
    }
    in.expectToken("EndContextDependency");
    return new ContextDependency(n, p, map);
  }

  /** Writes as Kaldi's {@code ContextDependency::Write}. */
  public void write(KaldiOutput out, boolean binary) throws IOException {
    out.writeToken("ContextDependency");
    KaldiObjects.writeInt(out, binary, n);
    KaldiObjects.writeInt(out, binary, p);
    out.writeToken("ToPdf");
    toPdf.write(out, binary);
    out.writeToken("EndContextDependency");
  }

  /** Reads a tree file (rxfilename). */
  public static ContextDependency readFile(String rxfilename) throws IOException {
    return KaldiObjects.readFile(rxfilename, ContextDependency::read);
  }

  /** Writes a tree file (wxfilename), in place only when complete. */
  public void writeFile(String wxfilename, boolean binary) throws IOException {
    KaldiObjects.writeFile(wxfilename, this, binary, (o, t, b) -> t.write(o, b));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContextDependency c && c.n == n && c.p == p && c.toPdf.equals(toPdf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(n, p, toPdf);
  }
}
