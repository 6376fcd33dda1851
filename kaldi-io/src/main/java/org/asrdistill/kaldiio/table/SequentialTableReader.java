package org.asrdistill.kaldiio.table;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.Xfilenames;

/**
 * Reads a table in order, one entry at a time (memory does not grow with the number of entries):
 *
 * <pre>{@code
 * try (var r = SequentialTableReader.open("ark:feats.ark", Holders.FLOAT_MATRIX)) {
 *   while (r.next()) { use(r.key(), r.value()); }
 * }
 * }</pre>
 *
 * Errors are {@link KaldiFormatException}s naming the file, key and byte offset. With the {@code p}
 * option unreadable scp entries are skipped and an archive error ends the table, each with a warning on
 * standard error.
 */
public final class SequentialTableReader<T> implements Closeable {
  private final Rspecifier spec;
  private final Holder<T> holder;
  private final KaldiInput in; // the archive, or the scp list
  private final ObjectReads objects = new ObjectReads();
  private String key;
  private T value;
  private String prevKey;
  private boolean done;
  private boolean reuse;
  private T spare;

  private SequentialTableReader(Rspecifier spec, Holder<T> holder, KaldiInput in) {
    this.spec = spec;
    this.holder = holder;
    this.in = in;
  }

  public static <T> SequentialTableReader<T> open(String rspecifier, Holder<T> holder) throws IOException {
    Rspecifier spec = Rspecifier.parse(rspecifier);
    KaldiInput in;
    try {
      in = Xfilenames.openInput(spec.filename());
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(spec.filename(), null,
          "cannot open " + (spec.type() == Rspecifier.Type.ARCHIVE ? "archive" : "scp file")
              + " for rspecifier '" + rspecifier + "'");
    }
    return new SequentialTableReader<>(spec, holder, in);
  }

  /**
   * Lets the reader recycle the previous entry's object for the next one when the holder supports it (as
   * Kaldi's readers do): a value is then valid only until the following {@link #next()}. Callers that
   * keep values must not enable this. Returns this reader.
   */
  public SequentialTableReader<T> reuseValues() {
    this.reuse = true;
    return this;
  }

  /** Advances to the next entry; returns false at the end of the table. */
  public boolean next() throws IOException {
    if (done) {
      return false;
    }
    spare = reuse ? value : null;
    key = null;
    value = null;
    try {
      boolean ok = spec.type() == Rspecifier.Type.ARCHIVE ? nextArchive() : nextScript();
      if (!ok) {
        done = true;
      }
      return ok;
    } catch (KaldiFormatException e) {
      if (spec.permissive() && spec.type() == Rspecifier.Type.ARCHIVE) {
        System.err.println("WARNING: " + e.getMessage() + " (permissive: ending table here)");
        done = true;
        return false;
      }
      done = true;
      throw e;
    }
  }

  private boolean nextArchive() throws IOException {
    in.setKey(null);
    if (in.skipSpace() < 0) {
      return false;
    }
    long at = in.offset();
    String k = in.readWord("key");
    int c = in.peek();
    if (c < 0) {
      throw in.error(at, "archive ends after key '" + KaldiInput.abbreviate(k) + "' with no object");
    }
    if (c != ' ' && c != '\t' && c != '\n') {
      throw in.error("expected a space after key '" + KaldiInput.abbreviate(k) + "'");
    }
    if (c != '\n') {
      in.read();
    }
    checkOrder(k, in.name(), at);
    in.setKey(k);
    try {
      value = holder.read(in, spare);
    } catch (RuntimeException e) {
      throw new KaldiFormatException(in.name(), in.key(), in.offset(),
          "cannot read " + holder.typeName() + ": " + e, e);
    }
    in.setKey(null);
    key = k;
    return true;
  }

  private boolean nextScript() throws IOException {
    while (true) {
      long at = in.offset();
      String line = in.readLine();
      if (line == null) {
        return false;
      }
      ScpEntry e = ScpEntry.parse(line, in.name(), at);
      if (e == null) {
        continue;
      }
      checkOrder(e.key(), in.name(), at);
      try {
        value = objects.read(e, holder, in.name());
      } catch (KaldiFormatException ex) {
        if (spec.permissive()) {
          System.err.println("WARNING: " + ex.getMessage() + " (permissive: skipping entry)");
          continue;
        }
        throw ex;
      }
      key = e.key();
      return true;
    }
  }

  private void checkOrder(String k, String name, long at) throws KaldiFormatException {
    if (spec.sorted() && prevKey != null && Keys.compare(prevKey, k) >= 0) {
      throw new KaldiFormatException(name, k, at, "keys are not sorted and unique as the 's' option "
          + "promises: '" + k + "' follows '" + prevKey + "'");
    }
    prevKey = k;
  }

  /** The current entry's key (after {@link #next()} returned true). */
  public String key() {
    if (key == null) {
      throw new IllegalStateException("no current entry: call next() first");
    }
    return key;
  }

  /** The current entry's object. */
  public T value() {
    if (key == null) {
      throw new IllegalStateException("no current entry: call next() first");
    }
    return value;
  }

  /** The rspecifier this reader was opened with. */
  public Rspecifier spec() {
    return spec;
  }

  @Override
  public void close() throws IOException {
    try {
      objects.close();
    } finally {
      in.close();
    }
  }
}
