package org.asrdistill.eval.frames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * Accumulates frame accuracy of hypothesis labels against reference labels (pdf ids), utterance by
 * utterance, with per-class counts and a confusion count per (reference, hypothesis) pair. Not
 * thread-safe.
 */
public final class FrameAccuracy {
  /** One confusion: reference class, hypothesised class, frames. */
  public record Confusion(int ref, int hyp, long count) {
  }

  /** Accuracy of one reference class. */
  public record ClassAccuracy(int pdf, long frames, long correct) {
    public double accuracy() {
      return frames == 0 ? Double.NaN : (double) correct / frames;
    }
  }

  /** Totals and the top confusions (most frequent first). */
  public record Result(long frames, long correct, int utterances, int skipped, List<Confusion> topConfusions,
      List<ClassAccuracy> classes) {
    /** Fraction of frames whose label equals the reference (NaN when no frames). */
    public double accuracy() {
      return frames == 0 ? Double.NaN : (double) correct / frames;
    }
  }

  private long frames;
  private long correct;
  private int utterances;
  private int skipped;
  private final Map<Long, long[]> confusions = new HashMap<>();
  private final Map<Integer, long[]> perClass = new TreeMap<>();

  /**
   * Adds one utterance. Returns false (and counts it as skipped) when the lengths differ, as Kaldi tools
   * warn and skip such utterances.
   */
  public boolean add(int[] ref, int[] hyp) {
    if (ref.length != hyp.length) {
      skipped++;
      return false;
    }
    utterances++;
    frames += ref.length;
    for (int t = 0; t < ref.length; t++) {
      long[] c = perClass.computeIfAbsent(ref[t], k -> new long[2]);
      c[0]++;
      if (ref[t] == hyp[t]) {
        correct++;
        c[1]++;
      } else {
        confusions.computeIfAbsent(((long) ref[t] << 32) | (hyp[t] & 0xffffffffL), k -> new long[1])[0]++;
      }
    }
    return true;
  }

  /** Index of the largest value of each row (the first on ties). */
  public static int[] argmax(FloatMatrix m) {
    int[] out = new int[m.rows()];
    float[] d = m.data();
    int cols = m.cols();
    for (int r = 0; r < out.length; r++) {
      int best = 0;
      float bv = d[r * cols];
      for (int c = 1; c < cols; c++) {
        float v = d[r * cols + c];
        if (v > bv) {
          bv = v;
          best = c;
        }
      }
      out[r] = best;
    }
    return out;
  }

  /** The totals so far with the {@code topN} most frequent confusions. */
  public Result result(int topN) {
    if (topN < 0) {
      throw new IllegalArgumentException("topN must be >= 0; got: " + topN);
    }
    List<Confusion> all = new ArrayList<>(confusions.size());
    confusions.forEach((k, v) -> all.add(new Confusion((int) (k >> 32), (int) (long) k, v[0])));
    all.sort((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count())
        : x.ref() != y.ref() ? Integer.compare(x.ref(), y.ref()) : Integer.compare(x.hyp(), y.hyp()));
    List<ClassAccuracy> classes = new ArrayList<>(perClass.size());
    perClass.forEach((k, v) -> classes.add(new ClassAccuracy(k, v[0], v[1])));
    return new Result(frames, correct, utterances, skipped, List.copyOf(all.subList(0, Math.min(topN, all.size()))),
        List.copyOf(classes));
  }
}
