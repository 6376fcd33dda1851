package org.asrdistill.acoustic.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/** In-memory Kaldi object I/O for tests. */
public final class Bytes {
  private Bytes() {
  }

  public static <T> byte[] write(T value, boolean binary, KaldiObjects.Writer<T> writer) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    KaldiOutput out = KaldiOutput.of("memory", bos, null);
    if (binary) {
      out.writeBinaryHeader();
    }
    writer.write(out, value, binary);
    out.commit();
    return bos.toByteArray();
  }

  public static <T> T read(byte[] bytes, KaldiObjects.Reader<T> reader) throws IOException {
    try (KaldiInput in = KaldiInput.of("memory", bytes)) {
      return reader.read(in, in.readBinaryHeader());
    }
  }

  public static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
