package org.asrdistill.frontend.features;

/**
 * Up to {@link #lanes()} consecutive frames of an utterance, prepared (dither, DC removal, pre-emphasis,
 * window, zero padding) and laid out in lanes: {@code rows()[i][l]} is sample i of the block's frame l. A
 * {@link FeatureComputer} turns a block into feature rows with loops over lanes, which the JIT vectorises.
 * Mutable scratch, owned by one thread.
 */
public final class FrameBlock {
  private final double[][] rows;
  private final double[] rawLogEnergy;
  final double[] mean; // scratch of FeatureExtractor
  private int count;
  private double[][] base;

  FrameBlock(int paddedWindowSize, int lanes) {
    this.rows = new double[paddedWindowSize][lanes];
    this.rawLogEnergy = new double[lanes];
    this.mean = new double[lanes];
  }

  /** The frames' samples, {@code paddedWindowSize} rows of {@code lanes} values; a computer may overwrite them. */
  public double[][] rows() {
    return rows;
  }

  /** Log energy of each frame before pre-emphasis and windowing (filled only when the computer needs it). */
  public double[] rawLogEnergy() {
    return rawLogEnergy;
  }

  /** Frames in this block (the first {@code count()} lanes are valid). */
  public int count() {
    return count;
  }

  public int lanes() {
    return rawLogEnergy.length;
  }

  /**
   * Each frame's log energy into {@code out}: the raw one (before pre-emphasis and windowing, filled by the
   * extractor) or, with {@code raw} false, {@code log(max(sum_i rows[i][l]^2, FLT_EPSILON))} of the windowed,
   * padded frame (Kaldi's --raw-energy=false).
   */
  public void logEnergy(boolean raw, double[] out) {
    if (raw) {
      System.arraycopy(rawLogEnergy, 0, out, 0, count);
      return;
    }
    java.util.Arrays.fill(out, 0, count, 0.0);
    for (double[] row : rows) {
      for (int l = 0; l < count; l++) {
        out[l] += row[l] * row[l];
      }
    }
    for (int l = 0; l < count; l++) {
      out[l] = Math.log(Math.max(out[l], Fbank.FLT_EPSILON));
    }
  }

  /** Scratch of at least rows x lanes for FeatureExtractor's sample gathering. */
  double[][] base(int rows, int lanes) {
    if (base == null || base.length < rows || base[0].length < lanes) {
      base = new double[rows][lanes];
    }
    return base;
  }

  void setCount(int count) {
    this.count = count;
  }
}
