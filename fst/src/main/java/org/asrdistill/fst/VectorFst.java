package org.asrdistill.fst;

import java.util.Arrays;

/**
 * Mutable FST. Each state's arcs live in one int array with stride 4 (input label, output label, weight
 * bits, next state); final weights in a float array. No object per arc or per state.
 */
public final class VectorFst implements Fst {
  private static final int[] NO_ARCS = new int[0];

  private final Semiring semiring;
  private int start = NO_STATE;
  private int numStates;
  private float[] finals = new float[4];
  private int[][] arcs = new int[4][];
  private int[] narcs = new int[4];
  private SymbolTable isyms;
  private SymbolTable osyms;

  public VectorFst(Semiring semiring) {
    if (semiring == null) {
      throw new IllegalArgumentException("semiring must not be null");
    }
    this.semiring = semiring;
  }

  /** A deep copy of any FST (symbol tables are shared: they are treated as immutable). O(V + E). */
  public static VectorFst copyOf(Fst fst) {
    VectorFst out = new VectorFst(fst.semiring());
    out.reserveStates(fst.numStates());
    for (int s = 0; s < fst.numStates(); s++) {
      int q = out.addState();
      out.setFinal(q, fst.finalWeight(s));
      int n = fst.numArcs(s);
      out.reserveArcs(q, n);
      for (int a = 0; a < n; a++) {
        out.addArc(q, fst.ilabel(s, a), fst.olabel(s, a), fst.weight(s, a), fst.nextState(s, a));
      }
    }
    out.start = fst.start();
    out.isyms = fst.inputSymbols();
    out.osyms = fst.outputSymbols();
    return out;
  }

  @Override
  public Semiring semiring() {
    return semiring;
  }

  @Override
  public int start() {
    return start;
  }

  @Override
  public int numStates() {
    return numStates;
  }

  @Override
  public float finalWeight(int s) {
    check(s);
    return finals[s];
  }

  @Override
  public int numArcs(int s) {
    check(s);
    return narcs[s];
  }

  @Override
  public int ilabel(int s, int a) {
    return arcs[s][4 * a];
  }

  @Override
  public int olabel(int s, int a) {
    return arcs[s][4 * a + 1];
  }

  @Override
  public float weight(int s, int a) {
    return Float.intBitsToFloat(arcs[s][4 * a + 2]);
  }

  @Override
  public int nextState(int s, int a) {
    return arcs[s][4 * a + 3];
  }

  @Override
  public SymbolTable inputSymbols() {
    return isyms;
  }

  @Override
  public SymbolTable outputSymbols() {
    return osyms;
  }

  public void setInputSymbols(SymbolTable t) {
    isyms = t;
  }

  public void setOutputSymbols(SymbolTable t) {
    osyms = t;
  }

  /** Adds a non-final state without arcs and returns its id. */
  public int addState() {
    if (numStates == finals.length) {
      reserveStates(Math.max(8, numStates * 2));
    }
    finals[numStates] = Semiring.ZERO;
    arcs[numStates] = NO_ARCS;
    narcs[numStates] = 0;
    return numStates++;
  }

  /** Ensures capacity for n states. */
  public void reserveStates(int n) {
    if (n > finals.length) {
      finals = Arrays.copyOf(finals, n);
      arcs = Arrays.copyOf(arcs, n);
      narcs = Arrays.copyOf(narcs, n);
    }
  }

  /** Ensures capacity for n arcs at state s. */
  public void reserveArcs(int s, int n) {
    check(s);
    if (4 * n > arcs[s].length) {
      arcs[s] = Arrays.copyOf(arcs[s], 4 * n);
    }
  }

  public void setStart(int s) {
    if (s != NO_STATE) {
      check(s);
    }
    start = s;
  }

  public void setFinal(int s, float w) {
    check(s);
    if (Float.isNaN(w) || w == Float.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("final weight must be a number or +infinity; got: " + w);
    }
    finals[s] = w;
  }

  /** Appends an arc to state s; amortised O(1). */
  public void addArc(int s, int ilabel, int olabel, float weight, int next) {
    check(s);
    if (ilabel < 0 || olabel < 0) {
      throw new IllegalArgumentException("labels must be >= 0; got: " + ilabel + ":" + olabel);
    }
    if (next < 0) {
      throw new IllegalArgumentException("next state must be >= 0; got: " + next);
    }
    int[] arr = arcs[s];
    int n = narcs[s];
    if (4 * n == arr.length) {
      arr = Arrays.copyOf(arr, Math.max(8, arr.length * 2));
      arcs[s] = arr;
    }
    arr[4 * n] = ilabel;
    arr[4 * n + 1] = olabel;
    arr[4 * n + 2] = Float.floatToRawIntBits(weight);
    arr[4 * n + 3] = next;
    narcs[s] = n + 1;
  }

  /** Replaces arc a of state s. */
  public void setArc(int s, int a, int ilabel, int olabel, float weight, int next) {
    check(s);
    if (a < 0 || a >= narcs[s]) {
      throw new IllegalArgumentException("arc index must be in [0, " + narcs[s] + "); got: " + a);
    }
    int[] arr = arcs[s];
    arr[4 * a] = ilabel;
    arr[4 * a + 1] = olabel;
    arr[4 * a + 2] = Float.floatToRawIntBits(weight);
    arr[4 * a + 3] = next;
  }

  /** Removes all arcs of state s. */
  public void deleteArcs(int s) {
    check(s);
    arcs[s] = NO_ARCS;
    narcs[s] = 0;
  }

  /** Removes every state and arc. */
  public void deleteAllStates() {
    numStates = 0;
    start = NO_STATE;
  }

  /**
   * Keeps the states with {@code keep[s]} true, renumbered in order, and drops arcs into removed states.
   * O(V + E). Returns the old-to-new state map (-1 for removed states).
   */
  public int[] retainStates(boolean[] keep) {
    int[] map = new int[numStates];
    int n = 0;
    for (int s = 0; s < numStates; s++) {
      map[s] = keep[s] ? n++ : -1;
    }
    for (int s = 0; s < numStates; s++) {
      if (!keep[s]) {
        continue;
      }
      int[] arr = arcs[s];
      int m = 0;
      for (int a = 0; a < narcs[s]; a++) {
        int t = map[arr[4 * a + 3]];
        if (t >= 0) {
          arr[4 * m] = arr[4 * a];
          arr[4 * m + 1] = arr[4 * a + 1];
          arr[4 * m + 2] = arr[4 * a + 2];
          arr[4 * m + 3] = t;
          m++;
        }
      }
      int q = map[s];
      arcs[q] = arr;
      narcs[q] = m;
      finals[q] = finals[s];
    }
    for (int s = n; s < numStates; s++) {
      arcs[s] = null;
    }
    numStates = n;
    start = start == NO_STATE ? NO_STATE : map[start];
    return map;
  }

  /**
   * Sorts the arcs of state s by (input, output) label or by (output, input) label. O(d log d) for d arcs.
   */
  public void sortArcs(int s, boolean byOutput) {
    check(s);
    int n = narcs[s];
    int[] arr = arcs[s];
    int p = byOutput ? 1 : 0;
    int q = 1 - p;
    boolean sorted = true;
    for (int a = 1; a < n && sorted; a++) {
      sorted = compare(arr, a - 1, a, p, q) <= 0;
    }
    if (sorted) {
      return;
    }
    Integer[] idx = new Integer[n];
    for (int a = 0; a < n; a++) {
      idx[a] = a;
    }
    Arrays.sort(idx, (x, y) -> compare(arr, x, y, p, q));
    int[] out = new int[arr.length];
    for (int a = 0; a < n; a++) {
      System.arraycopy(arr, 4 * idx[a], out, 4 * a, 4);
    }
    arcs[s] = out;
  }

  private static int compare(int[] arr, int x, int y, int p, int q) {
    int c = Integer.compare(arr[4 * x + p], arr[4 * y + p]);
    return c != 0 ? c : Integer.compare(arr[4 * x + q], arr[4 * y + q]);
  }

  private void check(int s) {
    if (s < 0 || s >= numStates) {
      throw new IllegalArgumentException("state must be in [0, " + numStates + "); got: " + s);
    }
  }
}
