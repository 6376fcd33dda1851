package org.asrdistill.acoustic.dnn;

/**
 * Options of the {@link DnnTrainer}: the update rule and its constants, the largest minibatch (buffers are
 * preallocated for it), the initialisation seed and whether to compute in double precision (tests).
 *
 * @param updater SGD (plain), MOMENTUM (v = momentum v + g; w -= lr v, as Kaldi nnet1 and PyTorch) or ADAM
 */
public record TrainerOptions(Updater updater, double momentum, double adamBeta1, double adamBeta2,
    double adamEpsilon, int maxBatch, long seed, boolean doublePrecision) {

  /** The update rules. */
  public enum Updater { SGD, MOMENTUM, ADAM }

  public TrainerOptions {
    if (updater == null) {
      throw new IllegalArgumentException("updater must be given");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1); got: " + momentum);
    }
    if (!(adamBeta1 >= 0 && adamBeta1 < 1) || !(adamBeta2 >= 0 && adamBeta2 < 1)) {
      throw new IllegalArgumentException("Adam betas must be in [0, 1); got: " + adamBeta1 + ", " + adamBeta2);
    }
    if (!(adamEpsilon > 0)) {
      throw new IllegalArgumentException("adamEpsilon must be > 0; got: " + adamEpsilon);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1; got: " + maxBatch);
    }
  }

  /** Plain SGD, batches up to 256 frames, seed 1, fp32. */
  public static TrainerOptions defaults() {
    return new TrainerOptions(Updater.SGD, 0.9, 0.9, 0.999, 1e-8, 256, 1, false);
  }

  public TrainerOptions withUpdater(Updater u) {
    return new TrainerOptions(u, momentum, adamBeta1, adamBeta2, adamEpsilon, maxBatch, seed, doublePrecision);
  }

  public TrainerOptions withMomentum(double m) {
    return new TrainerOptions(updater, m, adamBeta1, adamBeta2, adamEpsilon, maxBatch, seed, doublePrecision);
  }

  public TrainerOptions withMaxBatch(int b) {
    return new TrainerOptions(updater, momentum, adamBeta1, adamBeta2, adamEpsilon, b, seed, doublePrecision);
  }

  public TrainerOptions withSeed(long s) {
    return new TrainerOptions(updater, momentum, adamBeta1, adamBeta2, adamEpsilon, maxBatch, s, doublePrecision);
  }

  public TrainerOptions withDoublePrecision(boolean d) {
    return new TrainerOptions(updater, momentum, adamBeta1, adamBeta2, adamEpsilon, maxBatch, seed, d);
  }
}
