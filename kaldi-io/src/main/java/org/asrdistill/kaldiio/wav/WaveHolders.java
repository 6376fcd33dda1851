package org.asrdistill.kaldiio.wav;

import java.io.IOException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.table.Holder;

/**
 * Table holders for audio (Kaldi's WaveHolder and WaveInfoHolder), e.g. over {@code scp:wav.scp}
 * whose entries are files or {@code cmd |} pipes. WAV objects carry no {@code \0B} marker and are
 * always written in binary (16-bit PCM).
 */
public final class WaveHolders {
  private WaveHolders() {
  }

  /** Whole waves. */
  public static final Holder<WaveData> WAVE = new Holder<>() {
    @Override
    public String typeName() {
      return "wave";
    }

    @Override
    public WaveData read(KaldiInput in) throws IOException {
      return WaveReader.read(in);
    }

    @Override
    public void write(KaldiOutput out, WaveData value, boolean binary) throws IOException {
      if (!binary) {
        throw new IllegalArgumentException("wave data can only be written in binary mode");
      }
      WaveWriter.write(out, value);
    }
  };

  /** Headers only (durations without reading the samples; see {@link WaveReader#readInfo}). */
  public static final Holder<WaveInfo> WAVE_INFO = new Holder<>() {
    @Override
    public String typeName() {
      return "wave header";
    }

    @Override
    public WaveInfo read(KaldiInput in) throws IOException {
      return WaveReader.readInfo(in);
    }

    @Override
    public void write(KaldiOutput out, WaveInfo value, boolean binary) {
      throw new IllegalArgumentException("wave headers cannot be written on their own");
    }
  };
}
