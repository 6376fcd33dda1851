package org.asrdistill.frontend.features;

import org.asrdistill.frontend.fft.LaneRealFft;

/** Mel-frequency cepstral coefficients of a frame, as Kaldi's {@code MfccComputer}. */
public final class Mfcc implements FeatureComputer {
  private final MfccOptions opts;
  private final MelBankCache banks;
  private final LaneRealFft fft;
  private final double[] dct;    // numCeps x numBins, row-major
  private final double[] lifter; // null when cepstral-lifter = 0
  private final double logEnergyFloor;
  private final double[][] power;  // FFT bin x lane
  private final double[][] logMel; // mel bin x lane
  private final double[] logEnergy;
  private final double[] ceps;

  public Mfcc(MfccOptions opts) {
    this(opts, new MelBankCache(opts.mel(), opts.frame()), new LaneRealFft(opts.frame().paddedWindowSize(), FeatureExtractor.LANES),
        dctMatrix(opts.numCeps(), opts.mel().numBins()),
        opts.cepstralLifter() != 0 ? lifterCoeffs(opts.numCeps(), opts.cepstralLifter()) : null);
  }

  private Mfcc(MfccOptions opts, MelBankCache banks, LaneRealFft fft, double[] dct, double[] lifter) {
    this.opts = opts;
    this.banks = banks;
    this.fft = fft;
    this.dct = dct;
    this.lifter = lifter;
    this.logEnergyFloor = opts.energyFloor() > 0 ? Math.log(opts.energyFloor()) : Double.NEGATIVE_INFINITY;
    this.power = new double[fft.length() / 2 + 1][fft.lanes()];
    this.logMel = new double[opts.mel().numBins()][fft.lanes()];
    this.logEnergy = new double[fft.lanes()];
    this.ceps = new double[fft.lanes()];
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
  public void compute(FrameBlock frames, double vtlnWarp, float[] out, int firstRow) {
    int used = frames.count();
    if (opts.useEnergy()) {
      frames.logEnergy(opts.rawEnergy(), logEnergy);
    }
    fft.powerSpectrum(frames.rows(), power, used);
    banks.get(vtlnWarp).compute(power, logMel, used);
    int nb = logMel.length;
    for (double[] row : logMel) {
      for (int l = 0; l < used; l++) {
        row[l] = Math.log(Math.max(row[l], Fbank.FLT_EPSILON));
      }
    }
    int nc = opts.numCeps();
    for (int k = 0; k < nc; k++) {
      java.util.Arrays.fill(ceps, 0, used, 0.0);
      for (int b = 0; b < nb; b++) {
        double d = dct[k * nb + b];
        double[] row = logMel[b];
        for (int l = 0; l < used; l++) {
          ceps[l] += d * row[l];
        }
      }
      double lift = lifter != null ? lifter[k] : 1.0;
      for (int l = 0; l < used; l++) {
        out[(firstRow + l) * nc + k] = (float) (ceps[l] * lift);
      }
    }
    for (int l = 0; l < used; l++) {
      int o = (firstRow + l) * nc;
      if (opts.useEnergy()) {
        out[o] = (float) Math.max(logEnergy[l], logEnergyFloor);
      }
      if (opts.htkCompat()) {
        float energy = out[o];
        System.arraycopy(out, o + 1, out, o, nc - 1);
        if (!opts.useEnergy()) {
          energy *= (float) Math.sqrt(2.0);
        }
        out[o + nc - 1] = energy;
      }
    }
  }

  @Override
  public Mfcc copy() {
    return new Mfcc(opts, banks, fft.copy(), dct, lifter);
  }
}
