package org.asrdistill.frontend.input;

import java.io.IOException;
import java.io.InputStream;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.table.Holder;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveHolders;
import org.asrdistill.kaldiio.wav.WaveReader;

/**
 * Reads audio of any supported format, recognised by its first bytes: WAV ({@code RIFF}/{@code RIFX}),
 * FLAC ({@code fLaC}) and Ogg Vorbis ({@code OggS}). Usable as a table holder over {@code scp:wav.scp},
 * whose entries may be files or {@code cmd |} pipes; writing produces WAV.
 */
public final class AudioInput {
  private AudioInput() {
  }

  /** The holder: reads any supported format, writes 16-bit WAV. */
  public static final Holder<WaveData> HOLDER = new Holder<>() {
    @Override
    public String typeName() {
      return "audio";
    }

    @Override
    public WaveData read(KaldiInput in) throws IOException {
      return AudioInput.read(in);
    }

    @Override
    public void write(KaldiOutput out, WaveData value, boolean binary) throws IOException {
      WaveHolders.WAVE.write(out, value, true);
    }
  };

  /** Reads one audio object from {@code in}, whatever its format. */
  public static WaveData read(KaldiInput in) throws IOException {
    int b0 = in.peek();
    String magic = b0 < 0 ? "" : new String(new char[] {(char) b0, (char) Math.max(0, in.peek(1)),
        (char) Math.max(0, in.peek(2)), (char) Math.max(0, in.peek(3))});
    switch (magic) {
      case "RIFF":
      case "RIFX":
        return WaveReader.read(in);
      case "fLaC":
        return FlacDecoding.decode(in.name(), stream(in));
      case "OggS":
        return VorbisDecoding.decode(in.name(), stream(in));
      default:
        if (b0 < 0) {
          throw new KaldiFormatException(in.name(), in.key(), in.offset(), "empty audio input");
        }
        throw new KaldiFormatException(in.name(), in.key(), in.offset(),
            "unknown audio format (expected WAV, FLAC or Ogg Vorbis; first bytes '"
                + KaldiInput.abbreviate(magic) + "')");
    }
  }

  private static InputStream stream(KaldiInput in) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int n = in.readUpTo(b, off, len);
        return n <= 0 ? -1 : n;
      }
    };
  }
}
