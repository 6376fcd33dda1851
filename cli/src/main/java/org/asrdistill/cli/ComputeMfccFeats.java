package org.asrdistill.cli;

import org.asrdistill.frontend.features.FeatureExtractor;
import org.asrdistill.frontend.features.MfccOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "compute-mfcc-feats",
    header = "Create MFCC feature files, with Kaldi's options and semantics.",
    customSynopsis = "Usage: compute-mfcc-feats [options...] <wav-rspecifier> <feats-wspecifier>",
    footer = {"e.g.: compute-mfcc-feats --num-threads=2 scp:data/train/wav.scp "
        + "ark,scp:mfcc/raw_mfcc.ark,mfcc/raw_mfcc.scp",
        "See also: compute-fbank-feats, compute-cmvn-stats, apply-cmvn, add-deltas"})
public final class ComputeMfccFeats extends ComputeFeatsTool {
  @Option(names = "--num-ceps", description = "Number of cepstra in MFCC computation (including C0). "
      + "Default: ${DEFAULT-VALUE}")
  int numCeps = 13;

  @Option(names = "--use-energy", arity = "0..1", fallbackValue = "true",
      description = "Use energy (not C0) in MFCC computation. Default: ${DEFAULT-VALUE}")
  boolean useEnergy = true;

  @Option(names = "--energy-floor", description = "Floor on energy (absolute, not relative) in MFCC "
      + "computation. Only makes a difference if --use-energy=true. Default: ${DEFAULT-VALUE}")
  double energyFloor = 0.0;

  @Option(names = "--raw-energy", arity = "0..1", fallbackValue = "true",
      description = "If true, compute energy before preemphasis and windowing. Default: ${DEFAULT-VALUE}")
  boolean rawEnergy = true;

  @Option(names = "--cepstral-lifter", description = "Constant that controls scaling of MFCCs. "
      + "Default: ${DEFAULT-VALUE}")
  double cepstralLifter = 22.0;

  @Option(names = "--htk-compat", arity = "0..1", fallbackValue = "true",
      description = "If true, put energy or C0 last and use a factor of sqrt(2) on C0. Default: ${DEFAULT-VALUE}")
  boolean htkCompat;

  @Override
  FeatureExtractor extractor() {
    return FeatureExtractor.mfcc(new MfccOptions(frameOpts.frame(), frameOpts.mel(), numCeps, useEnergy,
        energyFloor, rawEnergy, cepstralLifter, htkCompat));
  }
}
