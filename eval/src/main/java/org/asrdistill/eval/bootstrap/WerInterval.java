package org.asrdistill.eval.bootstrap;

/**
 * Bootstrap estimate of a WER (percent): the mean over replications, Kaldi's normal-approximation 95%
 * interval (mean +- 1.96 standard deviations) and the 2.5% and 97.5% percentiles of the replications.
 */
public record WerInterval(double meanWer, double halfWidth, double percentileLow, double percentileHigh) {
  public double low() {
    return meanWer - halfWidth;
  }

  public double high() {
    return meanWer + halfWidth;
  }
}
