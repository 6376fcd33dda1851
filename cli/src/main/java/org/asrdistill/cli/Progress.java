package org.asrdistill.cli;

/** A one-line progress display on standard error, shown only when attached to a terminal. */
final class Progress implements AutoCloseable {
  private final String tool;
  private final boolean enabled = System.console() != null;
  private final long start = System.nanoTime();
  private long lastShown;
  private boolean shown;

  Progress(String tool) {
    this.tool = tool;
  }

  /** Reports progress; redraws at most every 200 ms. */
  void update(long done, double audioSeconds) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastShown < 200_000_000L) {
      return;
    }
    lastShown = now;
    double secs = (now - start) / 1e9;
    System.err.print(String.format(java.util.Locale.ROOT, "\r%s: %d utterances, %.1f s of audio, %.1fx real time ",
        tool, done, audioSeconds, secs > 0 ? audioSeconds / secs : 0.0));
    System.err.flush();
    shown = true;
  }

  @Override
  public void close() {
    if (shown) {
      System.err.print("\r\033[K");
      System.err.flush();
    }
  }
}
