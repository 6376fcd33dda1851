package org.asrdistill.frontend.features;

/**
 * Options of log mel filter-bank features (Kaldi's {@code FbankOptions}; flags {@code --use-energy},
 * {@code --energy-floor}, {@code --raw-energy}, {@code --htk-compat}, {@code --use-log-fbank},
 * {@code --use-power}, plus the nested frame and mel options).
 *
 * @param frame framing and windowing
 * @param mel mel bank layout (Kaldi's fbank default is 23 bins; the paper uses 40)
 * @param useEnergy add a log-energy dimension (first, or last with htkCompat)
 * @param energyFloor absolute floor on the energy (0 = none)
 * @param rawEnergy energy before pre-emphasis and windowing (true) or after
 * @param htkCompat put the energy last
 * @param useLogFbank log of the mel energies (true) or linear
 * @param usePower power spectrum (true) or magnitude
 */
public record FbankOptions(FrameExtractionOptions frame, MelBanksOptions mel, boolean useEnergy,
    double energyFloor, boolean rawEnergy, boolean htkCompat, boolean useLogFbank, boolean usePower) {

  public FbankOptions {
    if (frame == null || mel == null) {
      throw new IllegalArgumentException("frame and mel options must be given; got: " + frame + ", " + mel);
    }
    if (!(energyFloor >= 0) || Double.isInfinite(energyFloor)) {
      throw new IllegalArgumentException("energy-floor must be >= 0; got: " + energyFloor);
    }
  }

  /** Kaldi's defaults (23 bins, no energy, log power mel energies). */
  public static FbankOptions defaults() {
    return new FbankOptions(FrameExtractionOptions.defaults(), MelBanksOptions.defaults(), false, 0.0, true,
        false, true, true);
  }

  /** The paper's setting: defaults with 40 mel bins. */
  public static FbankOptions paper() {
    return defaults().withMel(MelBanksOptions.defaults().withNumBins(40));
  }

  /** Output dimension: mel bins, plus one with energy. */
  public int dim() {
    return mel.numBins() + (useEnergy ? 1 : 0);
  }

  public FbankOptions withFrame(FrameExtractionOptions f) {
    return new FbankOptions(f, mel, useEnergy, energyFloor, rawEnergy, htkCompat, useLogFbank, usePower);
  }

  public FbankOptions withMel(MelBanksOptions m) {
    return new FbankOptions(frame, m, useEnergy, energyFloor, rawEnergy, htkCompat, useLogFbank, usePower);
  }
}
