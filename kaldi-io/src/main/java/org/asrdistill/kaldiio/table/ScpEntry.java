package org.asrdistill.kaldiio.table;

import org.asrdistill.kaldiio.KaldiFormatException;

/**
 * One line of an scp file: {@code key rxfilename} with an optional trailing range
 * {@code [r0:r1]} or {@code [r0:r1,c0:c1]}. {@code lineOffset} is where the line starts in the scp.
 */
public record ScpEntry(String key, String rxfilename, Range range, long lineOffset) {

  /** Parses one line; returns null for a blank line. */
  public static ScpEntry parse(String line, String scpName, long lineOffset) throws KaldiFormatException {
    String t = line.strip();
    if (t.isEmpty()) {
      return null;
    }
    int sp = 0;
    while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
      sp++;
    }
    String key = t.substring(0, sp);
    String rest = t.substring(sp).strip();
    if (rest.isEmpty()) {
      throw new KaldiFormatException(scpName, key, lineOffset, "scp line has a key but no filename");
    }
    Range range = null;
    if (rest.endsWith("]")) {
      int open = rest.lastIndexOf('[');
      if (open > 0) {
        try {
          range = Range.parse(rest.substring(open + 1, rest.length() - 1));
        } catch (IllegalArgumentException e) {
          throw new KaldiFormatException(scpName, key, lineOffset, e.getMessage());
        }
        rest = rest.substring(0, open);
      }
    }
    return new ScpEntry(key, rest, range, lineOffset);
  }
}
