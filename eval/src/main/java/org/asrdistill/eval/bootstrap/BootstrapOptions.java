package org.asrdistill.eval.bootstrap;

/** Number of bootstrap replications and the random seed. */
public record BootstrapOptions(int replications, long seed) {
  public BootstrapOptions {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1; got: " + replications);
    }
  }

  /** Kaldi compute-wer-bootci's 10000 replications, seed 0. */
  public static BootstrapOptions defaults() {
    return new BootstrapOptions(10000, 0);
  }
}
