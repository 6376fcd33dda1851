package org.asrdistill.kaldiio.table;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.Xfilenames;

/**
 * Reads single table objects named by scp entries, keeping the last file open so that consecutive
 * entries of one archive are read with a seek (usually within the buffer) rather than a reopen.
 */
final class ObjectReads implements AutoCloseable {
  private String openFile;
  private KaldiInput open;

  /** Reads the object for {@code e}; errors name the scp file, the key and the offset. */
  <T> T read(ScpEntry e, Holder<T> holder, String scpName) throws IOException {
    String rx = e.rxfilename();
    Xfilenames.Kind kind = Xfilenames.classifyRx(rx);
    KaldiInput in;
    boolean keep = false;
    try {
      if (kind == Xfilenames.Kind.OFFSET_FILE || kind == Xfilenames.Kind.FILE) {
        String file = Xfilenames.fileOf(rx);
        long off = Xfilenames.offsetOf(rx);
        if (open != null && file.equals(openFile)) {
          open.seek(off);
        } else {
          closeOpen();
          open = Xfilenames.openInput(rx);
          openFile = file;
        }
        in = open;
        keep = true;
      } else {
        in = Xfilenames.openInput(rx);
      }
    } catch (NoSuchFileException ex) {
      throw new KaldiFormatException(scpName, e.key(), e.lineOffset(),
          "scp target '" + rx + "' does not exist");
    } catch (KaldiFormatException ex) {
      throw new KaldiFormatException(scpName, e.key(), e.lineOffset(),
          "scp target '" + rx + "': " + ex.problem());
    } catch (IllegalArgumentException ex) {
      throw new KaldiFormatException(scpName, e.key(), e.lineOffset(),
          "bad scp target '" + rx + "': " + ex.getMessage());
    }
    try {
      in.setKey(e.key());
      T value;
      try {
        value = holder.read(in);
      } catch (RuntimeException ex) {
        throw new KaldiFormatException(in.name(), in.key(), in.offset(),
            "cannot read " + holder.typeName() + ": " + ex, ex);
      }
      if (e.range() != null) {
        try {
          value = holder.extractRange(value, e.range());
        } catch (IllegalArgumentException ex) {
          throw new KaldiFormatException(scpName, e.key(), e.lineOffset(), ex.getMessage());
        }
      }
      return value;
    } finally {
      in.setKey(null);
      if (!keep) {
        in.close();
      }
    }
  }

  private void closeOpen() throws IOException {
    if (open != null) {
      KaldiInput o = open;
      open = null;
      openFile = null;
      o.close();
    }
  }

  @Override
  public void close() throws IOException {
    closeOpen();
  }
}
