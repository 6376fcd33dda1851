package org.asrdistill.kaldiio.datadir;

/**
 * One defect found in a data directory.
 *
 * @param file the file's path as shown to the user
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 * @param message what is wrong
 */
public record Problem(String file, int line, String message) {
  public Problem {
    if (file == null || message == null) {
      throw new IllegalArgumentException("file and message must not be null");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0; got: " + line);
    }
  }

  /** {@code file:line: message} (or {@code file: message} for whole-file problems). */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
