package org.asrdistill.decoder.lattice;

import java.util.Arrays;

/**
 * Kaldi's {@code Lattice}: a state-level FST whose arcs carry an input label (transition-id), an output
 * label (word) and a {@link LatticeWeight} pair (graph cost, acoustic cost), in primitive arrays (arcs of
 * a state: stride 3 ints - input, output, next state - and two parallel float arrays). A state is final
 * when its final graph cost is finite.
 */
public final class Lattice {
  private int numStates;
  private int start = -1;
  private float[] finalGraph = new float[16];
  private float[] finalAcoustic = new float[16];
  private int[][] arcs = new int[16][];
  private float[][] costs = new float[16][];
  private int[] narcs = new int[16];

  public int addState() {
    if (numStates == narcs.length) {
      int cap = 2 * numStates;
      finalGraph = Arrays.copyOf(finalGraph, cap);
      finalAcoustic = Arrays.copyOf(finalAcoustic, cap);
      arcs = Arrays.copyOf(arcs, cap);
      costs = Arrays.copyOf(costs, cap);
      narcs = Arrays.copyOf(narcs, cap);
    }
    finalGraph[numStates] = Float.POSITIVE_INFINITY;
    finalAcoustic[numStates] = Float.POSITIVE_INFINITY;
    arcs[numStates] = new int[6];
    costs[numStates] = new float[4];
    narcs[numStates] = 0;
    return numStates++;
  }

  public void setStart(int s) {
    check(s);
    start = s;
  }

  public void setFinal(int s, float graph, float acoustic) {
    check(s);
    finalGraph[s] = graph;
    finalAcoustic[s] = acoustic;
  }

  public void addArc(int s, int ilabel, int olabel, float graph, float acoustic, int next) {
    check(s);
    int n = narcs[s];
    if (3 * n == arcs[s].length) {
      arcs[s] = Arrays.copyOf(arcs[s], 6 * n);
      costs[s] = Arrays.copyOf(costs[s], 4 * n);
    }
    arcs[s][3 * n] = ilabel;
    arcs[s][3 * n + 1] = olabel;
    arcs[s][3 * n + 2] = next;
    costs[s][2 * n] = graph;
    costs[s][2 * n + 1] = acoustic;
    narcs[s] = n + 1;
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

  public int numArcs(int s) {
    return narcs[s];
  }

  public int ilabel(int s, int a) {
    return arcs[s][3 * a];
  }

  public int olabel(int s, int a) {
    return arcs[s][3 * a + 1];
  }

  public int nextState(int s, int a) {
    return arcs[s][3 * a + 2];
  }

  public float graph(int s, int a) {
    return costs[s][2 * a];
  }

  public float acoustic(int s, int a) {
    return costs[s][2 * a + 1];
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
