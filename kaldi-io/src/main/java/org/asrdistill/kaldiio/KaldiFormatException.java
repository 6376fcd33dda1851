package org.asrdistill.kaldiio;

import java.io.IOException;

/**
 * Corrupt or malformed Kaldi-format input. The message always names the file (or stream), the table key
 * being read when it is known, and the byte offset at which the problem was found.
 */
public final class KaldiFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String key;
  private final long offset;
  private final String problem;

  public KaldiFormatException(String source, String key, long offset, String problem) {
    this(source, key, offset, problem, null);
  }

  public KaldiFormatException(String source, String key, long offset, String problem, Throwable cause) {
    super(describe(source, key, offset, problem), cause);
    this.source = source;
    this.key = key;
    this.offset = offset;
    this.problem = problem;
  }

  private static String describe(String source, String key, long offset, String problem) {
    StringBuilder sb = new StringBuilder();
    sb.append(source == null ? "<unknown input>" : source);
    if (key != null) {
      sb.append(", key '").append(key).append('\'');
    }
    if (offset >= 0) {
      sb.append(", byte offset ").append(offset);
    }
    return sb.append(": ").append(problem).toString();
  }

  /** The file, pipe or stream name the bad input came from. */
  public String source() {
    return source;
  }

  /** The table key being read, or null when the problem is outside any entry. */
  public String key() {
    return key;
  }

  /** Byte offset within {@link #source()} where the problem was found, or -1 if unknown. */
  public long offset() {
    return offset;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }

  /** Returns a copy of this exception that also names the table key. */
  public KaldiFormatException withKey(String newKey) {
    if (key != null || newKey == null) {
      return this;
    }
    KaldiFormatException e = new KaldiFormatException(source, newKey, offset, problem, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }
}
