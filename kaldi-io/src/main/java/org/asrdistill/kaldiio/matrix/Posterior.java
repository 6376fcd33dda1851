package org.asrdistill.kaldiio.matrix;

import java.util.Arrays;

/**
 * Kaldi's {@code Posterior}: for each frame, a list of (class id, weight) pairs. Arrays are owned by the
 * object once passed in.
 */
public final class Posterior {
  private final int[][] ids;
  private final float[][] weights;

  public Posterior(int[][] ids, float[][] weights) {
    if (ids.length != weights.length) {
      throw new IllegalArgumentException("ids and weights must have the same frame count; got: "
          + ids.length + " and " + weights.length);
    }
    for (int t = 0; t < ids.length; t++) {
      if (ids[t].length != weights[t].length) {
        throw new IllegalArgumentException("frame " + t + ": " + ids[t].length + " ids but "
            + weights[t].length + " weights");
      }
    }
    this.ids = ids;
    this.weights = weights;
  }

  /** One-hot posteriors from an alignment (weight 1 for each frame's id). */
  public static Posterior fromAlignment(int[] ali) {
    int[][] ids = new int[ali.length][];
    float[][] w = new float[ali.length][];
    for (int t = 0; t < ali.length; t++) {
      ids[t] = new int[] {ali[t]};
      w[t] = new float[] {1f};
    }
    return new Posterior(ids, w);
  }

  public int numFrames() {
    return ids.length;
  }

  public int[] ids(int frame) {
    return ids[frame];
  }

  public float[] weights(int frame) {
    return weights[frame];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Posterior && Arrays.deepEquals(ids, ((Posterior) o).ids)
        && Arrays.deepEquals(weights, ((Posterior) o).weights);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(ids) * 31 + Arrays.deepHashCode(weights);
  }

  @Override
  public String toString() {
    return "Posterior[" + ids.length + " frames]";
  }
}
