package org.asrdistill.decoder.lattice;

import java.util.Arrays;

/**
 * Kaldi's {@code CompactLattice}: a word acceptor whose weights are a {@link LatticeWeight} pair (graph,
 * acoustic) together with a string of transition-ids (the frames the arc covers). Final weights carry a
 * pair and a string too; a state is final when its final graph cost is finite. Arcs in per-state arrays.
 */
public final class CompactLattice {
  private static final int[] EMPTY = new int[0];
  private int numStates;
  private int start = -1;
  private float[] finalGraph = new float[16];
  private float[] finalAcoustic = new float[16];
  private int[][] finalString = new int[16][];
  private int[][] arcs = new int[16][];
  private float[][] costs = new float[16][];
  private int[][][] strings = new int[16][][];
  private int[] narcs = new int[16];

  public int addState() {
    if (numStates == narcs.length) {
      int cap = 2 * numStates;
      finalGraph = Arrays.copyOf(finalGraph, cap);
      finalAcoustic = Arrays.copyOf(finalAcoustic, cap);
      finalString = Arrays.copyOf(finalString, cap);
      arcs = Arrays.copyOf(arcs, cap);
      costs = Arrays.copyOf(costs, cap);
      strings = Arrays.copyOf(strings, cap);
      narcs = Arrays.copyOf(narcs, cap);
    }
    finalGraph[numStates] = Float.POSITIVE_INFINITY;
    finalAcoustic[numStates] = Float.POSITIVE_INFINITY;
    finalString[numStates] = EMPTY;
    arcs[numStates] = new int[4];
    costs[numStates] = new float[4];
    strings[numStates] = new int[2][];
    narcs[numStates] = 0;
    return numStates++;
  }

  public void setStart(int s) {
    check(s);
    start = s;
  }

  public void setFinal(int s, float graph, float acoustic, int[] string) {
    check(s);
    finalGraph[s] = graph;
    finalAcoustic[s] = acoustic;
    finalString[s] = string == null ? EMPTY : string;
  }

  public void addArc(int s, int label, float graph, float acoustic, int[] string, int next) {
    check(s);
    int n = narcs[s];
    if (2 * n == arcs[s].length) {
      arcs[s] = Arrays.copyOf(arcs[s], 4 * n);
      costs[s] = Arrays.copyOf(costs[s], 4 * n);
      strings[s] = Arrays.copyOf(strings[s], 2 * n);
    }
    arcs[s][2 * n] = label;
    arcs[s][2 * n + 1] = next;
    costs[s][2 * n] = graph;
    costs[s][2 * n + 1] = acoustic;
    strings[s][n] = string == null ? EMPTY : string;
    narcs[s] = n + 1;
  }

  /** Replaces the pair weight of arc a of state s. */
  public void setArcWeight(int s, int a, float graph, float acoustic) {
    costs[s][2 * a] = graph;
    costs[s][2 * a + 1] = acoustic;
  }

  public int numStates() {
    return numStates;
  }

  public int start() {
    return start;
  }

  public boolean isFinal(int s) {
    return finalGraph[s] != Float.POSITIVE_INFINITY;
  }

  public float finalGraph(int s) {
    return finalGraph[s];
  }

  public float finalAcoustic(int s) {
    return finalAcoustic[s];
  }

  public int[] finalString(int s) {
    return finalString[s];
  }

  public int numArcs(int s) {
    return narcs[s];
  }

  public int label(int s, int a) {
    return arcs[s][2 * a];
  }

  public int nextState(int s, int a) {
    return arcs[s][2 * a + 1];
  }

  public float graph(int s, int a) {
    return costs[s][2 * a];
  }

  public float acoustic(int s, int a) {
    return costs[s][2 * a + 1];
  }

  public int[] string(int s, int a) {
    return strings[s][a];
  }

  public long numArcs() {
    long n = 0;
    for (int s = 0; s < numStates; s++) {
      n += narcs[s];
    }
    return n;
  }

  private void check(int s) {
    if (s < 0 || s >= numStates) {
      throw new IllegalArgumentException("state must be in [0, " + numStates + "); got: " + s);
    }
  }
}
