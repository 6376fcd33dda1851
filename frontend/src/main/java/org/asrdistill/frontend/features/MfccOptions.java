package org.asrdistill.frontend.features;

/**
 * Options of MFCC features (Kaldi's {@code MfccOptions}; flags {@code --num-ceps}, {@code --use-energy},
 * {@code --energy-floor}, {@code --raw-energy}, {@code --cepstral-lifter}, {@code --htk-compat}, plus the
 * nested frame and mel options).
 *
 * @param frame framing and windowing
 * @param mel mel bank layout (default 23 bins)
 * @param numCeps cepstra kept, including C0 (<= mel bins)
 * @param useEnergy replace C0 by the log energy
 * @param energyFloor absolute floor on the energy (0 = none)
 * @param rawEnergy energy before pre-emphasis and windowing (true) or after
 * @param cepstralLifter liftering constant Q (0 = none)
 * @param htkCompat put energy/C0 last and scale C0 by sqrt(2)
 */
public record MfccOptions(FrameExtractionOptions frame, MelBanksOptions mel, int numCeps, boolean useEnergy,
    double energyFloor, boolean rawEnergy, double cepstralLifter, boolean htkCompat) {

  public MfccOptions {
    if (frame == null || mel == null) {
      throw new IllegalArgumentException("frame and mel options must be given; got: " + frame + ", " + mel);
    }
    if (numCeps < 1 || numCeps > mel.numBins()) {
      throw new IllegalArgumentException("num-ceps must be in [1, num-mel-bins=" + mel.numBins() + "]; got: "
          + numCeps);
    }
    if (!(energyFloor >= 0) || Double.isInfinite(energyFloor)) {
      throw new IllegalArgumentException("energy-floor must be >= 0; got: " + energyFloor);
    }
    if (!Double.isFinite(cepstralLifter) || cepstralLifter < 0) {
      throw new IllegalArgumentException("cepstral-lifter must be >= 0; got: " + cepstralLifter);
    }
  }

  /** Kaldi's defaults: 13 cepstra from 23 bins, energy instead of C0, lifter 22. */
  public static MfccOptions defaults() {
    return new MfccOptions(FrameExtractionOptions.defaults(), MelBanksOptions.defaults(), 13, true, 0.0, true,
        22.0, false);
  }

  public int dim() {
    return numCeps;
  }
}
