package org.asrdistill.frontend.cmvn;

/**
 * Sliding-window CMN options (Kaldi's {@code SlidingWindowCmnOptions}: {@code --cmn-window},
 * {@code --min-cmn-window}, {@code --max-warnings}, {@code --norm-vars}, {@code --center}).
 *
 * @param cmnWindow window in frames
 * @param minWindow minimum window at the start of decoding (only when not centred)
 * @param maxWarnings variance-flooring warnings to print (negative: all)
 * @param normVars also normalise the variance
 * @param center centre the window on the current frame (otherwise it ends at the current frame)
 */
public record SlidingCmnOptions(int cmnWindow, int minWindow, int maxWarnings, boolean normVars,
    boolean center) {

  public SlidingCmnOptions {
    if (cmnWindow < 1) {
      throw new IllegalArgumentException("cmn-window must be >= 1; got: " + cmnWindow);
    }
    if (center && (minWindow < 1 || minWindow > cmnWindow)) {
      throw new IllegalArgumentException("min-cmn-window must be in [1, cmn-window=" + cmnWindow
          + "] with --center; got: " + minWindow);
    }
  }

  /** Kaldi's defaults: 600-frame window, minimum 100, 5 warnings, means only, not centred. */
  public static SlidingCmnOptions defaults() {
    return new SlidingCmnOptions(600, 100, 5, false, false);
  }
}
