package org.asrdistill.cli;

import org.asrdistill.frontend.features.FbankOptions;
import org.asrdistill.frontend.features.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "compute-fbank-feats",
    header = "Create Mel-filter bank (FBANK) feature files, with Kaldi's options and semantics.",
    customSynopsis = "Usage: compute-fbank-feats [options...] <wav-rspecifier> <feats-wspecifier>",
    footer = {"e.g.: compute-fbank-feats --num-mel-bins=40 --num-threads=2 scp:data/train/wav.scp "
        + "ark,scp:fbank/raw_fbank.ark,fbank/raw_fbank.scp",
        "See also: compute-mfcc-feats, compute-cmvn-stats, apply-cmvn, splice-feats, bench-fbank"})
public final class ComputeFbankFeats extends ComputeFeatsTool {
  @Option(names = "--use-energy", arity = "0..1", fallbackValue = "true",
      description = "Add an extra dimension with energy to the FBANK output. Default: ${DEFAULT-VALUE}")
  boolean useEnergy;

  @Option(names = "--energy-floor", description = "Floor on energy (absolute, not relative) in FBANK "
      + "computation. Only makes a difference if --use-energy=true. Default: ${DEFAULT-VALUE}")
  double energyFloor = 0.0;

  @Option(names = "--raw-energy", arity = "0..1", fallbackValue = "true",
      description = "If true, compute energy before preemphasis and windowing. Default: ${DEFAULT-VALUE}")
  boolean rawEnergy = true;

  @Option(names = "--htk-compat", arity = "0..1", fallbackValue = "true",
      description = "If true, put energy last. Default: ${DEFAULT-VALUE}")
  boolean htkCompat;

  @Option(names = "--use-log-fbank", arity = "0..1", fallbackValue = "true",
      description = "If true, produce log-filterbank, else produce linear. Default: ${DEFAULT-VALUE}")
  boolean useLogFbank = true;

  @Option(names = "--use-power", arity = "0..1", fallbackValue = "true",
      description = "If true, use power, else use magnitude. Default: ${DEFAULT-VALUE}")
  boolean usePower = true;

  @Override
  FeatureExtractor extractor() {
    return FeatureExtractor.fbank(new FbankOptions(frameOpts.frame(), frameOpts.mel(), useEnergy, energyFloor,
        rawEnergy, htkCompat, useLogFbank, usePower));
  }
}
