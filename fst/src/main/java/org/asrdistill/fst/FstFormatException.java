package org.asrdistill.fst;

import java.io.IOException;

/** Corrupt or unsupported FST or symbol-table input; the message names the source, the place and the problem. */
public final class FstFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param source file name or "standard input"; @param where byte offset or line; @param problem what is wrong */
  public FstFormatException(String source, String where, String problem) {
    super(source + " (" + where + "): " + problem);
  }
}
