package org.asrdistill.frontend.features;

import org.asrdistill.frontend.fft.LaneRealFft;

/** Log mel filter-bank features of a frame, as Kaldi's {@code FbankComputer}. */
public final class Fbank implements FeatureComputer {
  static final double FLT_EPSILON = Math.ulp(1.0f); // numeric_limits<float>::epsilon()
  static final double LOG_FLT_EPSILON = Math.log(FLT_EPSILON);

  private final FbankOptions opts;
  private final MelBankCache banks;
  private final LaneRealFft fft;
  private final double logEnergyFloor;
  private final double[][] power;       // FFT bin x lane
  private final double[][] melEnergies; // mel bin x lane
  private final double[] logEnergy;

  public Fbank(FbankOptions opts) {
    this(opts, new MelBankCache(opts.mel(), opts.frame()),
        new LaneRealFft(opts.frame().paddedWindowSize(), FeatureExtractor.LANES));
  }

  private Fbank(FbankOptions opts, MelBankCache banks, LaneRealFft fft) {
    this.opts = opts;
    this.banks = banks;
    this.fft = fft;
    this.logEnergyFloor = opts.energyFloor() > 0 ? Math.log(opts.energyFloor()) : Double.NEGATIVE_INFINITY;
    this.power = new double[fft.length() / 2 + 1][fft.lanes()];
    this.melEnergies = new double[opts.mel().numBins()][fft.lanes()];
    this.logEnergy = new double[fft.lanes()];
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
  public void compute(FrameBlock frames, double vtlnWarp, float[] out, int firstRow) {
    int used = frames.count();
    if (opts.useEnergy()) {
      frames.logEnergy(opts.rawEnergy(), logEnergy);
    }
    fft.powerSpectrum(frames.rows(), power, used);
    if (!opts.usePower()) {
      for (double[] row : power) {
        for (int l = 0; l < used; l++) {
          row[l] = Math.sqrt(row[l]);
        }
      }
    }
    banks.get(vtlnWarp).compute(power, melEnergies, used);
    int dim = opts.dim();
    int base = firstRow * dim + (opts.useEnergy() && !opts.htkCompat() ? 1 : 0);
    int n = melEnergies.length;
    for (int b = 0; b < n; b++) {
      double[] row = melEnergies[b];
      if (opts.useLogFbank()) {
        for (int l = 0; l < used; l++) {
          out[base + b + l * dim] = (float) Math.log(Math.max(row[l], FLT_EPSILON));
        }
      } else {
        for (int l = 0; l < used; l++) {
          out[base + b + l * dim] = (float) row[l];
        }
      }
    }
    if (opts.useEnergy()) {
      int e = firstRow * dim + (opts.htkCompat() ? n : 0);
      for (int l = 0; l < used; l++) {
        out[e + l * dim] = (float) Math.max(logEnergy[l], logEnergyFloor);
      }
    }
  }

  @Override
  public Fbank copy() {
    return new Fbank(opts, banks, fft.copy());
  }
}
