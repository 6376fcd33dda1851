package org.asrdistill.frontend.audio;

import java.io.IOException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.table.Holder;

/**
 * Table holder for WAV audio (Kaldi's {@code WaveHolder}), so that {@code scp:wav.scp} (files, {@code cmd |}
 * pipes, {@code ark:offset}) and wav archives read like any other table. Writing emits 16-bit PCM (values
 * rounded and clipped to the int16 range). To be replaced by kaldi-io's WAV support once it lands.
 */
public final class WaveHolder implements Holder<WaveData> {
  /** The shared instance (stateless). */
  public static final WaveHolder INSTANCE = new WaveHolder();

  private WaveHolder() {
  }

  @Override
  public String typeName() {
    return "wave";
  }

  @Override
  public WaveData read(KaldiInput in) throws IOException {
    return WavReader.read(in);
  }

  @Override
  public void write(KaldiOutput out, WaveData w, boolean binary) throws IOException {
    byte[] b = WavWriter.toBytes(w);
    out.writeBytes(b, 0, b.length);
  }
}
