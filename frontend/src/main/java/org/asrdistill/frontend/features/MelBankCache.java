package org.asrdistill.frontend.features;

import java.util.concurrent.ConcurrentHashMap;

/** Mel banks per VTLN warp factor, built on first use and shared between threads. */
final class MelBankCache {
  private final MelBanksOptions mel;
  private final FrameExtractionOptions frame;
  private final MelBanks unwarped;
  private final ConcurrentHashMap<Double, MelBanks> warped = new ConcurrentHashMap<>();

  MelBankCache(MelBanksOptions mel, FrameExtractionOptions frame) {
    this.mel = mel;
    this.frame = frame;
    this.unwarped = new MelBanks(mel, frame, 1.0);
  }

  MelBanks get(double warp) {
    if ((float) warp == 1.0f) {
      return unwarped;
    }
    return warped.computeIfAbsent(warp, w -> new MelBanks(mel, frame, w));
  }
}
