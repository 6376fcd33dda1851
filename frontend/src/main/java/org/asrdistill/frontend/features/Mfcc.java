package org.asrdistill.frontend.features;

import org.asrdistill.frontend.fft.RealFft;

/** Mel-frequency cepstral coefficients of a frame, as Kaldi's {@code MfccComputer}. */
public final class Mfcc implements FeatureComputer {
  private final MfccOptions opts;
  private final MelBankCache banks;
  private final RealFft fft;
  private final double[] dct;    // numCeps x numBins, row-major
  private final double[] lifter; // null when cepstral-lifter = 0
  private final double logEnergyFloor;
  private final double[] power;
  private final double[] logMel;

  public Mfcc(MfccOptions opts) {
    this(opts, new MelBankCache(opts.mel(), opts.frame()), new RealFft(opts.frame().paddedWindowSize()),
        dctMatrix(opts.numCeps(), opts.mel().numBins()),
        opts.cepstralLifter() != 0 ? lifterCoeffs(opts.numCeps(), opts.cepstralLifter()) : null);
  }

  private Mfcc(MfccOptions opts, MelBankCache banks, RealFft fft, double[] dct, double[] lifter) {
    this.opts = opts;
    this.banks = banks;
    this.fft = fft;
    this.dct = dct;
    this.lifter = lifter;
    this.logEnergyFloor = opts.energyFloor() > 0 ? Math.log(opts.energyFloor()) : Double.NEGATIVE_INFINITY;
    this.power = new double[fft.length() / 2 + 1];
    this.logMel = new double[opts.mel().numBins()];
  }

  /** The first {@code rows} rows of Kaldi's orthonormal DCT-II matrix of size n (ComputeDctMatrix). */
  static double[] dctMatrix(int rows, int n) {
    double[] m = new double[rows * n];
    for (int k = 0; k < rows; k++) {
      double norm = Math.sqrt((k == 0 ? 1.0 : 2.0) / n);
      for (int j = 0; j < n; j++) {
        m[k * n + j] = norm * Math.cos(Math.PI / n * (j + 0.5) * k);
      }
    }
    return m;
  }

  /** Kaldi's lifter: 1 + Q/2 sin(pi i / Q). */
  static double[] lifterCoeffs(int numCeps, double q) {
    double[] c = new double[numCeps];
    for (int i = 0; i < numCeps; i++) {
      c[i] = 1.0 + 0.5 * q * Math.sin(Math.PI * i / q);
    }
    return c;
  }

  public MfccOptions options() {
    return opts;
  }

  @Override
  public FrameExtractionOptions frameOptions() {
    return opts.frame();
  }

  @Override
  public int dim() {
    return opts.numCeps();
  }

  @Override
  public boolean needRawLogEnergy() {
    return opts.useEnergy() && opts.rawEnergy();
  }

  @Override
  public void compute(double rawLogEnergy, double vtlnWarp, double[] frame, float[] out, int outOffset) {
    double logEnergy = rawLogEnergy;
    if (opts.useEnergy() && !opts.rawEnergy()) {
      logEnergy = Fbank.logEnergy(frame, fft.length());
    }
    fft.powerSpectrum(frame, power);
    banks.get(vtlnWarp).compute(power, logMel);
    int nb = logMel.length;
    for (int b = 0; b < nb; b++) {
      logMel[b] = Math.log(Math.max(logMel[b], Fbank.FLT_EPSILON));
    }
    int nc = opts.numCeps();
    for (int k = 0; k < nc; k++) {
      double s = 0;
      int row = k * nb;
      for (int b = 0; b < nb; b++) {
        s += dct[row + b] * logMel[b];
      }
      if (lifter != null) {
        s *= lifter[k];
      }
      out[outOffset + k] = (float) s;
    }
    if (opts.useEnergy()) {
      if (logEnergy < logEnergyFloor) {
        logEnergy = logEnergyFloor;
      }
      out[outOffset] = (float) logEnergy;
    }
    if (opts.htkCompat()) {
      float energy = out[outOffset];
      System.arraycopy(out, outOffset + 1, out, outOffset, nc - 1);
      if (!opts.useEnergy()) {
        energy *= (float) Math.sqrt(2.0);
      }
      out[outOffset + nc - 1] = energy;
    }
  }

  @Override
  public Mfcc copy() {
    return new Mfcc(opts, banks, fft.copy(), dct, lifter);
  }
}
