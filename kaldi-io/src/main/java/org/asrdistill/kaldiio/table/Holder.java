package org.asrdistill.kaldiio.table;

import java.io.IOException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;

/**
 * Reads and writes one type of table object in Kaldi's encoding (Kaldi's Holder classes). {@link
 * #read} starts at the object (where a binary object has its {@code \0B} marker) and leaves the input
 * just after it.
 *
 * @param <T> the in-memory type
 */
public interface Holder<T> {
  /** A short name for messages ("float matrix", "int32 vector"). */
  String typeName();

  T read(KaldiInput in) throws IOException;

  /**
   * Reads like {@link #read(KaldiInput)}, but may store the object in {@code reuse} (a value this holder
   * returned earlier, or null) instead of allocating a new one. Streaming readers use this to avoid
   * allocating per entry, as Kaldi's holders do.
   */
  default T read(KaldiInput in, T reuse) throws IOException {
    return read(in);
  }

  void write(KaldiOutput out, T value, boolean binary) throws IOException;

  /** Extracts a row/column range (scp {@code [a:b]} or {@code [a:b,c:d]}); only matrix-like types. */
  default T extractRange(T value, Range range) {
    throw new IllegalArgumentException("ranges are not supported for " + typeName() + " tables");
  }
}
