package org.asrdistill.fst;

/**
 * Read-only view of a weighted FST: states are 0..numStates()-1, each state's arcs are indexed
 * 0..numArcs(s)-1. Labels are non-negative ints (0 is epsilon); weights are floats of {@link #semiring()};
 * a final weight of {@link Semiring#ZERO} means the state is not final.
 */
public interface Fst {
  /** Label 0: the empty symbol. */
  int EPSILON = 0;
  /** Start state of an empty FST. */
  int NO_STATE = -1;

  Semiring semiring();

  /** The start state, or {@link #NO_STATE} when the FST has no states. */
  int start();

  int numStates();

  float finalWeight(int s);

  int numArcs(int s);

  int ilabel(int s, int a);

  int olabel(int s, int a);

  float weight(int s, int a);

  int nextState(int s, int a);

  /** The input symbol table, or null. */
  SymbolTable inputSymbols();

  /** The output symbol table, or null. */
  SymbolTable outputSymbols();

  /** Whether state s is final (its final weight is not zero). */
  default boolean isFinal(int s) {
    return finalWeight(s) != Semiring.ZERO;
  }

  /** Total number of arcs, O(states). */
  default long totalArcs() {
    long n = 0;
    for (int s = 0; s < numStates(); s++) {
      n += numArcs(s);
    }
    return n;
  }

  /** Number of arcs of s with input label epsilon. */
  default int numInputEpsilons(int s) {
    int n = 0;
    for (int a = 0; a < numArcs(s); a++) {
      if (ilabel(s, a) == EPSILON) {
        n++;
      }
    }
    return n;
  }

  /** Number of arcs of s with output label epsilon. */
  default int numOutputEpsilons(int s) {
    int n = 0;
    for (int a = 0; a < numArcs(s); a++) {
      if (olabel(s, a) == EPSILON) {
        n++;
      }
    }
    return n;
  }
}
