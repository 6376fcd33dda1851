package org.asrdistill.decoder.graph;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.table.Holder;

/**
 * Kaldi's {@code VectorFstHolder} in binary mode: an archive entry is the key, a space and the FST in OpenFst's
 * binary {@code vector} form with no Kaldi binary marker (so Kaldi's {@code fstcopy ark:... ark,t:...} and
 * training tools read our training-graph archives). Text-mode FST archives are not supported.
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
    int c = in.peek();
    if (c < 0) {
      throw in.error("end of input where an FST was expected");
    }
    if (KaldiInput.isSpace(c)) {
      throw in.error("text-form FSTs in archives are not supported; write the archive in binary");
    }
    InputStream adapter = new InputStream() {
      @Override
      public int read() throws IOException {
        return in.atEof() ? -1 : in.read();
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
    // a one-byte buffer: large reads bypass it, so nothing past the FST is consumed
    return OpenFstBinary.read(new BufferedInputStream(adapter, 1), in.name() + (in.key() == null ? "" : ", key "
        + in.key())).fst();
  }

  @Override
  public void write(KaldiOutput out, Fst value, boolean binary) throws IOException {
    if (!binary) {
      throw new IllegalArgumentException("FST archives must be written in binary (no ',t' in the wspecifier)");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OpenFstBinary.write(value, bytes, "vector");
    byte[] b = bytes.toByteArray();
    out.writeBytes(b, 0, b.length);
  }
}
