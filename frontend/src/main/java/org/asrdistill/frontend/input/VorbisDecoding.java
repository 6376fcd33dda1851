package org.asrdistill.frontend.input;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.wav.WaveData;

/**
 * Decodes the first logical stream of an Ogg Vorbis file with JOrbis into samples on Kaldi's int16 scale
 * (decoded floats in [-1, 1] times 32768).
 */
final class VorbisDecoding {
  private static final int CHUNK = 8192;

  private final String name;
  private final InputStream in;
  private final SyncState sync = new SyncState();
  private final Page page = new Page();
  private long bytesRead;
  private boolean eof;

  private VorbisDecoding(String name, InputStream in) {
    this.name = name;
    this.in = in;
    sync.init();
  }

  static WaveData decode(String name, InputStream in) throws IOException {
    return new VorbisDecoding(name, in).run();
  }

  /** Next page, or false at end of input. */
  private boolean nextPage() throws IOException {
    while (true) {
      int r = sync.pageout(page);
      if (r == 1) {
        return true;
      }
      if (eof) {
        return false;
      }
      int at = sync.buffer(CHUNK);
      int n = in.read(sync.data, at, CHUNK);
      if (n <= 0) {
        eof = true;
        sync.wrote(0);
      } else {
        bytesRead += n;
        sync.wrote(n);
      }
    }
  }

  private KaldiFormatException error(String problem) {
    return new KaldiFormatException(name, null, bytesRead, problem);
  }

  private WaveData run() throws IOException {
    if (!nextPage()) {
      throw error("not an Ogg stream (no page found)");
    }
    StreamState stream = new StreamState();
    stream.init(page.serialno());
    Info info = new Info();
    Comment comment = new Comment();
    info.init();
    comment.init();
    Packet packet = new Packet();
    stream.pagein(page);
    if (stream.packetout(packet) != 1 || info.synthesis_headerin(comment, packet) < 0) {
      throw error("Ogg stream does not hold Vorbis audio");
    }
    int headers = 1;
    while (headers < 3) {
      int r = stream.packetout(packet);
      if (r == 1) {
        if (info.synthesis_headerin(comment, packet) < 0) {
          throw error("corrupt Vorbis header packet " + headers);
        }
        headers++;
      } else if (r == 0) {
        if (!nextPage()) {
          throw error("end of input inside the Vorbis headers");
        }
        stream.pagein(page);
      } else {
        throw error("corrupt Vorbis header (missing data)");
      }
    }
    int channels = info.channels;
    if (channels < 1 || info.rate < 1) {
      throw error("bad Vorbis header: " + channels + " channels at " + info.rate + " Hz");
    }
    DspState dsp = new DspState();
    dsp.synthesis_init(info);
    Block block = new Block(dsp);
    float[][] out = new float[channels][1 << 16];
    int n = 0;
    float[][][] pcm = new float[1][][];
    int[] index = new int[channels];
    boolean done = false;
    while (!done) {
      int r = stream.packetout(packet);
      if (r == 0) {
        if (stream.e_o_s != 0 || !nextPage()) {
          break;
        }
        stream.pagein(page);
        continue;
      }
      if (r < 0) {
        continue; // a gap in the data: libvorbis skips it too
      }
      if (block.synthesis(packet) == 0) {
        dsp.synthesis_blockin(block);
      }
      int got;
      while ((got = dsp.synthesis_pcmout(pcm, index)) > 0) {
        if (n + got > out[0].length) {
          for (int c = 0; c < channels; c++) {
            out[c] = java.util.Arrays.copyOf(out[c], Math.max(n + got, 2 * out[c].length));
          }
        }
        for (int c = 0; c < channels; c++) {
          float[] src = pcm[0][c];
          for (int i = 0; i < got; i++) {
            float v = src[index[c] + i];
            if (!Float.isFinite(v)) {
              throw error("non-finite sample in decoded Vorbis audio");
            }
            out[c][n + i] = v * 32768f;
          }
        }
        n += got;
        dsp.synthesis_read(got);
      }
      done = packet.e_o_s != 0;
    }
    if (n == 0) {
      throw error("Vorbis stream has zero samples");
    }
    float[] data = new float[channels * n];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(out[c], 0, data, c * n, n);
    }
    return new WaveData(info.rate, new FloatMatrix(channels, n, data));
  }
}
