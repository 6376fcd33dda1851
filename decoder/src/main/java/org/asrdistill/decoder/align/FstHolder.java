package org.asrdistill.decoder.align;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.table.Holder;

/**
 * Kaldi's VectorFstHolder for tables of FSTs (e.g. training graphs from compile-train-graphs): each
 * object is an OpenFst binary vector FST (tropical) written directly after the key, without Kaldi's
 * {@code \0B} marker. Text-mode tables of FSTs are not supported (Kaldi writes them rarely).
 */
public final class FstHolder implements Holder<Fst> {
  public static final FstHolder INSTANCE = new FstHolder();

  private FstHolder() {
  }

  @Override
  public String typeName() {
    return "fst";
  }

  @Override
  public Fst read(KaldiInput in) throws IOException {
    InputStream view = new InputStream() {
      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int got = in.readUpTo(b, off, len);
        return got == 0 ? -1 : got;
      }
    };
    // a 1-byte buffer never reads ahead past the FST's last byte
    return OpenFstBinary.read(new BufferedInputStream(view, 1), in.name() + ", key " + in.key()).fst();
  }

  @Override
  public void write(KaldiOutput out, Fst fst, boolean binary) throws IOException {
    if (!binary) {
      throw new IllegalArgumentException("FST tables are written in binary only; use an ark: wspecifier without ,t");
    }
    OpenFstBinary.write(fst, new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.writeByte(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.writeBytes(b, off, len);
      }
    }, "vector");
  }
}
