package org.asrdistill.acoustic.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asrdistill.acoustic.io.KaldiDoubles;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Kaldi's {@code BuildTreeStatsType} as {@code acc-tree-stats} writes it: Gaussian statistics per event
 * (phone context window and pdf class), kept in Kaldi's event order. Format: {@code BTS n} then per entry
 * {@code EV size key value ...}, a bool (stats present) and {@code GCL ...}. Mutable.
 */
public final class TreeStats {
  /** Options of Kaldi's {@code AccumulateTreeStatsOptions} (without the phone map). */
  public record AccOptions(double varFloor, int contextWidth, int centralPosition, int[] ciPhones) {
    public AccOptions {
      if (!(varFloor >= 0)) {
        throw new IllegalArgumentException("var-floor must be >= 0; got: " + varFloor);
      }
      if (contextWidth < 1 || centralPosition < 0 || centralPosition >= contextWidth) {
        throw new IllegalArgumentException("need 0 <= central-position < context-width; got: " + centralPosition
            + ", " + contextWidth);
      }
      ciPhones = ciPhones.clone();
      Arrays.sort(ciPhones);
    }

    /** Kaldi's defaults: var floor 0.01, triphones (N=3, P=1), no context-independent phones. */
    public static AccOptions defaults() {
      return new AccOptions(0.01, 3, 1, new int[0]);
    }
  }

  private final TreeMap<Event, GaussStats> map = new TreeMap<>();

  public int size() {
    return map.size();
  }

  /** The entries in Kaldi's order (live values). */
  public Map<Event, GaussStats> entries() {
    return map;
  }

  /** Adds stats for an event (summed with any already there). */
  public void add(Event e, GaussStats s) {
    GaussStats old = map.get(e);
    if (old == null) {
      map.put(e, s.copy());
    } else {
      old.add(s);
    }
  }

  /** Adds every entry of {@code other}, as {@code sum-tree-stats}. */
  public void addAll(TreeStats other) {
    for (Map.Entry<Event, GaussStats> e : other.map.entrySet()) {
      add(e.getKey(), e.getValue());
    }
  }

  /**
   * Kaldi's {@code AccumulateTreeStats}: each frame's features go to the event of its phone window and pdf
   * class; context-independent phones have only their own phone in the event. Returns false (and adds
   * nothing) when the alignment does not split into whole phones.
   */
  public boolean accumulate(TransitionModel tm, AccOptions opts, int[] alignment, FloatMatrix feats) {
    if (feats.rows() != alignment.length) {
      throw new IllegalArgumentException("alignment has " + alignment.length + " frames, features "
          + feats.rows());
    }
    Alignments.Split split = Alignments.splitToPhones(tm, alignment);
    if (!split.consistent()) {
      return false;
    }
    List<int[]> phones = split.phones();
    int n = opts.contextWidth();
    int p = opts.centralPosition();
    int dim = feats.cols();
    float[] data = feats.data();
    int pos = 0;
    for (int c = 0; c < phones.size(); c++) {
      int central = tm.transitionIdToPhone(phones.get(c)[0]);
      boolean ctxDep = Arrays.binarySearch(opts.ciPhones(), central) < 0;
      List<int[]> pairs = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        int k = c + j - p;
        int phone = k >= 0 && k < phones.size() ? tm.transitionIdToPhone(phones.get(k)[0]) : 0;
        if (ctxDep || j == p) {
          pairs.add(new int[] {j, phone});
        }
      }
      int[] keys = new int[pairs.size() + 1];
      int[] values = new int[pairs.size() + 1];
      keys[0] = -1;
      for (int i = 0; i < pairs.size(); i++) {
        keys[i + 1] = pairs.get(i)[0];
        values[i + 1] = pairs.get(i)[1];
      }
      for (int tid : phones.get(c)) {
        values[0] = tm.transitionIdToPdfClass(tid);
        Event e = new Event(keys, values);
        map.computeIfAbsent(e, k -> new GaussStats(dim, opts.varFloor())).addStats(data, pos * dim, 1.0);
        pos++;
      }
    }
    return true;
  }

  public static TreeStats read(KaldiInput in, boolean binary) throws IOException {
    in.expectToken("BTS");
    long at = in.offset();
    int size = KaldiObjects.readUint32(in, binary, "number of stats");
    if (size > 1 << 28) {
      throw in.error(at, "bad number of tree stats " + size);
    }
    TreeStats ts = new TreeStats();
    for (int i = 0; i < size; i++) {
      long eat = in.offset();
      in.expectToken("EV");
      int n = KaldiObjects.readUint32(in, binary, "event size");
      if (n > 1024) {
        throw in.error(eat, "bad event size " + n);
      }
      int[] keys = new int[n];
      int[] values = new int[n];
      for (int j = 0; j < n; j++) {
        keys[j] = KaldiObjects.readInt(in, binary, "event key");
        values[j] = KaldiObjects.readInt(in, binary, "event value");
      }
      Event e;
      try {
        e = new Event(keys, values);
      } catch (IllegalArgumentException ex) {
        throw in.error(eat, "bad event: " + ex.getMessage());
      }
      if (KaldiDoubles.readBool(in, binary, "stats present")) {
        GaussStats g = GaussStats.read(in, binary);
        if (!ts.map.isEmpty() && ts.map.firstEntry().getValue().dim() != g.dim()) {
          throw in.error(eat, "stats of dimension " + g.dim() + " after stats of dimension "
              + ts.map.firstEntry().getValue().dim());
        }
        ts.add(e, g);
      }
    }
    return ts;
  }

  public void write(KaldiOutput out, boolean binary) throws IOException {
    out.writeToken("BTS");
    KaldiObjects.writeUint32(out, binary, map.size());
    for (Map.Entry<Event, GaussStats> en : map.entrySet()) {
      Event e = en.getKey();
      out.writeToken("EV");
      KaldiObjects.writeUint32(out, binary, e.size());
      for (int j = 0; j < e.size(); j++) {
        KaldiObjects.writeInt(out, binary, e.key(j));
        KaldiObjects.writeInt(out, binary, e.value(j));
      }
      if (!binary) {
        out.writeText("\n");
      }
      KaldiDoubles.writeBool(out, binary, true);
      en.getValue().write(out, binary);
    }
    if (!binary) {
      out.writeText("\n");
    }
  }

  public static TreeStats readFile(String rxfilename) throws IOException {
    return KaldiObjects.readFile(rxfilename, TreeStats::read);
  }

  public void writeFile(String wxfilename, boolean binary) throws IOException {
    KaldiObjects.writeFile(wxfilename, this, binary, (o, t, b) -> t.write(o, b));
  }
}
