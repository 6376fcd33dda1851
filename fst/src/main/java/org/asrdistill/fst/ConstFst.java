package org.asrdistill.fst;

/**
 * Compact read-only FST: all arcs in one int array (stride 4: input label, output label, weight bits,
 * next state), indexed by a per-state offset array. About 16 bytes per arc and 8 per state.
 */
public final class ConstFst implements Fst {
  private final Semiring semiring;
  private final int start;
  private final float[] finals;
  private final int[] offsets;
  private final int[] arcs;
  private final SymbolTable isyms;
  private final SymbolTable osyms;

  private ConstFst(Semiring semiring, int start, float[] finals, int[] offsets, int[] arcs,
      SymbolTable isyms, SymbolTable osyms) {
    this.semiring = semiring;
    this.start = start;
    this.finals = finals;
    this.offsets = offsets;
    this.arcs = arcs;
    this.isyms = isyms;
    this.osyms = osyms;
  }

  /** Packs any FST into the compact form. O(V + E). */
  public static ConstFst copyOf(Fst fst) {
    int n = fst.numStates();
    long total = fst.totalArcs();
    if (total > (Integer.MAX_VALUE - 8) / 4) {
      throw new IllegalArgumentException("too many arcs for a ConstFst: " + total);
    }
    float[] finals = new float[n];
    int[] offsets = new int[n + 1];
    int[] arcs = new int[(int) (4 * total)];
    int k = 0;
    for (int s = 0; s < n; s++) {
      finals[s] = fst.finalWeight(s);
      offsets[s] = k / 4;
      for (int a = 0; a < fst.numArcs(s); a++) {
        arcs[k++] = fst.ilabel(s, a);
        arcs[k++] = fst.olabel(s, a);
        arcs[k++] = Float.floatToRawIntBits(fst.weight(s, a));
        arcs[k++] = fst.nextState(s, a);
      }
    }
    offsets[n] = k / 4;
    return new ConstFst(fst.semiring(), fst.start(), finals, offsets, arcs, fst.inputSymbols(),
        fst.outputSymbols());
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
    return finals.length;
  }

  @Override
  public float finalWeight(int s) {
    return finals[s];
  }

  @Override
  public int numArcs(int s) {
    return offsets[s + 1] - offsets[s];
  }

  @Override
  public int ilabel(int s, int a) {
    return arcs[4 * (offsets[s] + a)];
  }

  @Override
  public int olabel(int s, int a) {
    return arcs[4 * (offsets[s] + a) + 1];
  }

  @Override
  public float weight(int s, int a) {
    return Float.intBitsToFloat(arcs[4 * (offsets[s] + a) + 2]);
  }

  @Override
  public int nextState(int s, int a) {
    return arcs[4 * (offsets[s] + a) + 3];
  }

  @Override
  public long totalArcs() {
    return offsets[finals.length];
  }

  @Override
  public SymbolTable inputSymbols() {
    return isyms;
  }

  @Override
  public SymbolTable outputSymbols() {
    return osyms;
  }
}
