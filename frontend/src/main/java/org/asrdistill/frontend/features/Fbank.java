package org.asrdistill.frontend.features;

import org.asrdistill.frontend.fft.RealFft;

/** Log mel filter-bank features of a frame, as Kaldi's {@code FbankComputer}. */
public final class Fbank implements FeatureComputer {
  static final double FLT_EPSILON = Math.ulp(1.0f); // numeric_limits<float>::epsilon()
  static final double LOG_FLT_EPSILON = Math.log(FLT_EPSILON);

  private final FbankOptions opts;
  private final MelBankCache banks;
  private final RealFft fft;
  private final double logEnergyFloor;
  private final double[] power;
  private final double[] melEnergies;

  public Fbank(FbankOptions opts) {
    this(opts, new MelBankCache(opts.mel(), opts.frame()), new RealFft(opts.frame().paddedWindowSize()));
  }

  private Fbank(FbankOptions opts, MelBankCache banks, RealFft fft) {
    this.opts = opts;
    this.banks = banks;
    this.fft = fft;
    this.logEnergyFloor = opts.energyFloor() > 0 ? Math.log(opts.energyFloor()) : Double.NEGATIVE_INFINITY;
    this.power = new double[fft.length() / 2 + 1];
    this.melEnergies = new double[opts.mel().numBins()];
  }

  public FbankOptions options() {
    return opts;
  }

  @Override
  public FrameExtractionOptions frameOptions() {
    return opts.frame();
  }

  @Override
  public int dim() {
    return opts.dim();
  }

  @Override
  public boolean needRawLogEnergy() {
    return opts.useEnergy() && opts.rawEnergy();
  }

  @Override
  public void compute(double rawLogEnergy, double vtlnWarp, double[] frame, float[] out, int outOffset) {
    double logEnergy = rawLogEnergy;
    if (opts.useEnergy() && !opts.rawEnergy()) {
      logEnergy = logEnergy(frame, fft.length());
    }
    fft.powerSpectrum(frame, power);
    if (!opts.usePower()) {
      for (int k = 0; k < power.length; k++) {
        power[k] = Math.sqrt(power[k]);
      }
    }
    banks.get(vtlnWarp).compute(power, melEnergies);
    int melOffset = outOffset + (opts.useEnergy() && !opts.htkCompat() ? 1 : 0);
    int n = melEnergies.length;
    if (opts.useLogFbank()) {
      for (int b = 0; b < n; b++) {
        out[melOffset + b] = (float) Math.log(Math.max(melEnergies[b], FLT_EPSILON));
      }
    } else {
      for (int b = 0; b < n; b++) {
        out[melOffset + b] = (float) melEnergies[b];
      }
    }
    if (opts.useEnergy()) {
      if (logEnergy < logEnergyFloor) {
        logEnergy = logEnergyFloor;
      }
      out[outOffset + (opts.htkCompat() ? n : 0)] = (float) logEnergy;
    }
  }

  /** log(max(sum x^2, FLT_EPSILON)) over the first n values. */
  static double logEnergy(double[] x, int n) {
    double e = 0;
    for (int i = 0; i < n; i++) {
      e += x[i] * x[i];
    }
    return Math.log(Math.max(e, FLT_EPSILON));
  }

  @Override
  public Fbank copy() {
    return new Fbank(opts, banks, fft.copy());
  }
}
