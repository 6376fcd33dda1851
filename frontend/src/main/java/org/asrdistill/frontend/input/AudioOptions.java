package org.asrdistill.frontend.input;

import org.asrdistill.kaldiio.wav.WaveData;

/**
 * How feature extractors take a channel and a sample rate from audio, as Kaldi's compute-*-feats do.
 *
 * @param sampleFrequency the rate the features expect (Kaldi's {@code --sample-frequency})
 * @param channel channel to use, or -1 for the only one (the first, with a warning, when there are more)
 * @param allowDownsample resample audio of a higher rate down instead of failing
 * @param allowUpsample resample audio of a lower rate up instead of failing
 */
public record AudioOptions(double sampleFrequency, int channel, boolean allowDownsample, boolean allowUpsample) {
  public AudioOptions {
    if (!(sampleFrequency > 0)) {
      throw new IllegalArgumentException("sample frequency must be > 0; got: " + sampleFrequency);
    }
    if (channel < -1) {
      throw new IllegalArgumentException("channel must be >= -1; got: " + channel);
    }
  }

  public static AudioOptions defaults() {
    return new AudioOptions(16000, -1, false, false);
  }

  /** Thrown when audio cannot be used with these options (wrong rate, missing channel). */
  public static final class Mismatch extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message);
    }
  }

  /**
   * Returns the selected channel at {@link #sampleFrequency()}, resampled when allowed. {@code warn}
   * receives Kaldi's warnings (several channels without {@code --channel}).
   */
  public float[] prepare(WaveData wave, java.util.function.Consumer<String> warn) {
    int ch = channel;
    if (ch == -1) {
      if (wave.numChannels() != 1) {
        warn.accept("channel not specified but the audio has " + wave.numChannels()
            + " channels; using channel 0");
      }
      ch = 0;
    }
    if (ch >= wave.numChannels()) {
      throw new Mismatch("--channel=" + channel + " but the audio has " + wave.numChannels() + " channel(s)");
    }
    float[] x = wave.channel(ch);
    int rate = wave.sampleRate();
    if (rate == sampleFrequency) {
      return x;
    }
    if ((rate > sampleFrequency && allowDownsample) || (rate < sampleFrequency && allowUpsample)) {
      if (sampleFrequency != Math.rint(sampleFrequency)) {
        throw new Mismatch("cannot resample to a fractional rate " + sampleFrequency);
      }
      return Resampler.resample(x, rate, (int) sampleFrequency);
    }
    throw new Mismatch("sample frequency mismatch: --sample-frequency=" + sampleFrequency + " but the audio is "
        + rate + " Hz (use --allow-" + (rate > sampleFrequency ? "downsample" : "upsample") + "=true to resample)");
  }
}
