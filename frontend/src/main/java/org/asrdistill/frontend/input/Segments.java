package org.asrdistill.frontend.input;

import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.wav.WaveData;

/**
 * Cuts segments out of recordings as Kaldi's {@code extract-segments} does: times in seconds, an end of
 * -1 meaning the end of the recording, ends past the recording clamped when within the allowed
 * overshoot, and segments shorter than a minimum length refused.
 *
 * @param minSegmentLength shortest segment kept, seconds (Kaldi's default 0.1)
 * @param maxOvershoot how far a segment may end past the recording before it is refused (default 0.5)
 */
public record Segments(double minSegmentLength, double maxOvershoot) {
  public Segments {
    if (minSegmentLength < 0 || maxOvershoot < 0) {
      throw new IllegalArgumentException("segment limits must be >= 0; got: " + minSegmentLength + ", "
          + maxOvershoot);
    }
  }

  public static Segments defaults() {
    return new Segments(0.1, 0.5);
  }

  /**
   * Returns the segment [start, end) of {@code wave} (channel {@code channel}, or all channels when -1).
   *
   * @throws IllegalArgumentException naming the reason when the segment cannot be cut
   */
  public WaveData cut(WaveData wave, double start, double end, int channel) {
    double duration = wave.duration();
    if (start < 0 || (end != -1 && end <= start)) {
      throw new IllegalArgumentException("invalid segment times " + start + " to " + end);
    }
    if (end == -1) {
      end = duration;
    }
    if (end > duration) {
      if (end > duration + maxOvershoot) {
        throw new IllegalArgumentException("segment ends at " + end + " s, past the recording's " + duration
            + " s by more than --max-overshoot=" + maxOvershoot);
      }
      end = duration;
    }
    if (end - start < minSegmentLength) {
      throw new IllegalArgumentException("segment of " + (end - start) + " s is shorter than --min-segment-length="
          + minSegmentLength);
    }
    int rate = wave.sampleRate();
    int s0 = (int) (start * rate);
    int s1 = Math.min(wave.numSamples(), (int) (end * rate));
    int n = s1 - s0;
    FloatMatrix src = wave.samples();
    if (channel >= wave.numChannels()) {
      throw new IllegalArgumentException("segment asks for channel " + channel + " but the recording has "
          + wave.numChannels());
    }
    if (channel >= 0) {
      return WaveData.mono(rate, java.util.Arrays.copyOfRange(wave.channel(channel), s0, s1));
    }
    return new WaveData(rate, src.sub(0, src.rows(), s0, s0 + n));
  }
}
