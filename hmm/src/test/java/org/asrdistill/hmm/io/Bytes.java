package org.asrdistill.hmm.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/** In-memory Kaldi object I/O for tests. */
public final class Bytes {
  private Bytes() {
  }

  /** Writes {@code value} as a whole Kaldi object (binary header when binary). */
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

  /** Reads a whole Kaldi object (binary header detected). */
  public static <T> T read(byte[] bytes, KaldiObjects.Reader<T> reader) throws IOException {
    try (KaldiInput in = KaldiInput.of("memory", bytes)) {
      return reader.read(in, in.readBinaryHeader());
    }
  }

  public static <T> T read(String text, KaldiObjects.Reader<T> reader) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), reader);
  }

  public static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
