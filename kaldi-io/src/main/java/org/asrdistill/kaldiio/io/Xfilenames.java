package org.asrdistill.kaldiio.io;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kaldi's extended filenames. An rxfilename is {@code -} or empty (standard input), {@code cmd |} (an
 * input pipe run by bash), {@code file:OFFSET} (a file read from a byte offset) or a plain file. A
 * wxfilename is {@code -} (standard output), {@code | cmd} (an output pipe) or a plain file.
 */
public final class Xfilenames {
  private static final Pattern OFFSET = Pattern.compile("^(.*):(\\d+)$");

  private Xfilenames() {
  }

  /** What kind of rxfilename a string is. */
  public enum Kind { STANDARD, PIPE, OFFSET_FILE, FILE }

  public static Kind classifyRx(String rx) {
    String t = rx.strip();
    if (t.isEmpty() || t.equals("-")) {
      return Kind.STANDARD;
    }
    if (t.endsWith("|")) {
      return Kind.PIPE;
    }
    if (OFFSET.matcher(rx).matches()) {
      return Kind.OFFSET_FILE;
    }
    return Kind.FILE;
  }

  /** The file part of an offset rxfilename ({@code a.ark:123} gives {@code a.ark}), else the name. */
  public static String fileOf(String rx) {
    Matcher m = OFFSET.matcher(rx);
    return m.matches() ? m.group(1) : rx;
  }

  /** The offset of an offset rxfilename, else 0; IllegalArgumentException if it does not fit a long. */
  public static long offsetOf(String rx) {
    Matcher m = OFFSET.matcher(rx);
    if (!m.matches()) {
      return 0L;
    }
    try {
      return Long.parseLong(m.group(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("byte offset must fit in 63 bits; got: '" + m.group(2) + "'");
    }
  }

  /** Opens an rxfilename for reading. */
  public static KaldiInput openInput(String rx) throws IOException {
    switch (classifyRx(rx)) {
      case STANDARD:
        return KaldiInput.of("<stdin>", new FilterInputStream(System.in) {
          @Override
          public void close() {
            // never close the process's standard input
          }
        }, () -> { });
      case PIPE: {
        String cmd = rx.strip();
        cmd = cmd.substring(0, cmd.length() - 1).strip();
        Process p = new ProcessBuilder(List.of("bash", "-c", cmd))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .start();
        final String c = cmd;
        return KaldiInput.of("pipe '" + cmd + " |'", p.getInputStream(), () -> {
          p.getInputStream().close();
          try {
            int rc = p.waitFor();
            if (rc != 0 && rc != 141) { // 141: SIGPIPE when we stop reading early
              throw new IOException("input pipe command '" + c + "' exited with status " + rc);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IOException("interrupted waiting for '" + c + "'", e);
          }
        });
      }
      case OFFSET_FILE:
        return openFile(fileOf(rx), offsetOf(rx));
      default:
        return openFile(rx, 0);
    }
  }

  private static KaldiInput openFile(String file, long offset) throws IOException {
    try {
      return KaldiInput.open(Path.of(file), offset);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file, null, "no such file");
    }
  }

  /** Opens a wxfilename for writing; a plain file is only replaced when the output is committed. */
  public static KaldiOutput openOutput(String wx) throws IOException {
    String t = wx.strip();
    if (t.isEmpty() || t.equals("-")) {
      OutputStream out = new FilterOutputStream(System.out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
      return KaldiOutput.of("<stdout>", out, ok -> System.out.flush());
    }
    if (t.startsWith("|")) {
      String cmd = t.substring(1).strip();
      Process p = new ProcessBuilder(List.of("bash", "-c", cmd))
          .redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      return KaldiOutput.of("pipe '| " + cmd + "'", p.getOutputStream(), ok -> {
        try {
          int rc = p.waitFor();
          if (rc != 0) {
            throw new IOException("output pipe command '" + cmd + "' exited with status " + rc);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          p.destroy();
          throw new IOException("interrupted waiting for '" + cmd + "'", e);
        }
      });
    }
    return KaldiOutput.createFile(Path.of(wx));
  }

  /** Opens an rxfilename as a plain {@link InputStream} (for text files such as scp lists). */
  public static InputStream openStream(String rx) throws IOException {
    if (classifyRx(rx) == Kind.FILE) {
      try {
        return Files.newInputStream(Path.of(rx));
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(rx, null, "no such file");
      }
    }
    KaldiInput in = openInput(rx);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
