package org.asrdistill.frontend.input;

import java.io.IOException;
import java.io.InputStream;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.wav.WaveData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/** Decodes FLAC (LibriSpeech's format) with the jflac codec into samples on Kaldi's int16 scale. */
final class FlacDecoding {
  private FlacDecoding() {
  }

  static WaveData decode(String name, InputStream in) throws IOException {
    FLACDecoder dec = new FLACDecoder(in);
    StreamInfo info;
    try {
      dec.readMetadata();
      info = dec.getStreamInfo();
    } catch (IOException | RuntimeException e) {
      throw new KaldiFormatException(name, null, dec.getTotalBytesRead(), "bad FLAC header: " + e.getMessage());
    }
    if (info == null || info.getChannels() < 1 || info.getSampleRate() < 1) {
      throw new KaldiFormatException(name, null, dec.getTotalBytesRead(), "FLAC stream has no STREAMINFO block");
    }
    int channels = info.getChannels();
    int bps = info.getBitsPerSample();
    if (bps < 4 || bps > 32) {
      throw new KaldiFormatException(name, null, 0, "unsupported FLAC bits per sample: " + bps);
    }
    double scale = Math.pow(2, 16 - bps); // Kaldi's int16 scale
    float[][] out = new float[channels][(int) Math.min(Math.max(info.getTotalSamples(), 4096), 1L << 26)];
    int n = 0;
    try {
      while (true) {
        Frame f = dec.readNextFrame();
        if (f == null) {
          break;
        }
        dec.decodeFrame(f, null);
        int block = f.header.blockSize;
        if (n + block > out[0].length) {
          for (int c = 0; c < channels; c++) {
            out[c] = java.util.Arrays.copyOf(out[c], Math.max(n + block, 2 * out[c].length));
          }
        }
        for (int c = 0; c < channels; c++) {
          int[] s = dec.getChannelData()[c].getOutput();
          for (int i = 0; i < block; i++) {
            out[c][n + i] = (float) (s[i] * scale);
          }
        }
        n += block;
      }
    } catch (IOException | RuntimeException e) {
      throw new KaldiFormatException(name, null, dec.getTotalBytesRead(),
          "corrupt or truncated FLAC data after " + n + " samples: " + e);
    }
    if (n == 0) {
      throw new KaldiFormatException(name, null, dec.getTotalBytesRead(), "FLAC stream has zero samples");
    }
    float[] data = new float[channels * n];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(out[c], 0, data, c * n, n);
    }
    return new WaveData(info.getSampleRate(), new FloatMatrix(channels, n, data));
  }
}
