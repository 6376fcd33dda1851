package org.asrdistill.kaldiio.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A buffered byte sink that knows its offset and writes Kaldi's low-level encoding. A file output is
 * written under a temporary name beside the target and renamed onto it only by {@link #commit()};
 * closing an uncommitted file output deletes the temporary file, so a failed job leaves nothing partial.
 */
public final class KaldiOutput implements Closeable {
  private static final int BUFFER_SIZE = 1 << 20;

  private final String name;
  private final WritableByteChannel channel;
  private final Path target;
  private final Path temp;
  private final Finisher finisher;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
  private long flushed;
  private boolean committed;
  private boolean closed;

  /** Work done when a stream output is closed (waiting for a pipe's process, say). */
  @FunctionalInterface
  public interface Finisher {
    void finish(boolean success) throws IOException;
  }

  private KaldiOutput(String name, WritableByteChannel channel, Path target, Path temp, Finisher finisher) {
    this.name = name;
    this.channel = channel;
    this.target = target;
    this.temp = temp;
    this.finisher = finisher;
  }

  /** Creates a file output written to a temporary sibling and renamed on {@link #commit()}. */
  public static KaldiOutput createFile(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IOException("cannot write " + target + ": directory " + dir + " does not exist");
    }
    if (Files.exists(abs) && !Files.isRegularFile(abs)) {
      // A device or FIFO (/dev/null, a named pipe): write to it directly, never replace it.
      FileChannel direct = FileChannel.open(abs, StandardOpenOption.WRITE);
      return new KaldiOutput(target.toString(), direct, null, null, null);
    }
    Path temp = abs.resolveSibling(abs.getFileName() + ".tmp." + ProcessHandle.current().pid());
    FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    return new KaldiOutput(target.toString(), ch, abs, temp, null);
  }

  /** Wraps a stream (standard output, a pipe's input); {@code finisher} runs at close. */
  public static KaldiOutput of(String name, OutputStream out, Finisher finisher) {
    return new KaldiOutput(name, Channels.newChannel(out), null, null, finisher);
  }

  public String name() {
    return name;
  }

  /** Bytes written so far (the offset of the next byte). */
  public long offset() {
    return flushed + buf.position();
  }

  private void ensure(int n) throws IOException {
    if (buf.remaining() < n) {
      flushBuffer();
    }
  }

  private void flushBuffer() throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      flushed += channel.write(buf);
    }
    buf.clear();
  }

  public void writeByte(int b) throws IOException {
    ensure(1);
    buf.put((byte) b);
  }

  public void writeBytes(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      ensure(1);
      int take = Math.min(len, buf.remaining());
      buf.put(b, off, take);
      off += take;
      len -= take;
    }
  }

  /** Writes text as UTF-8. */
  public void writeText(String s) throws IOException {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      ensure(Math.min(s.length(), BUFFER_SIZE));
      for (int i = 0; i < s.length(); i++) {
        if (!buf.hasRemaining()) {
          flushBuffer();
        }
        buf.put((byte) s.charAt(i));
      }
    } else {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeBytes(b, 0, b.length);
    }
  }

  public void writeBinaryHeader() throws IOException {
    writeByte(0);
    writeByte('B');
  }

  /** Writes a token followed by a space (Kaldi's WriteToken, in either mode). */
  public void writeToken(String token) throws IOException {
    writeText(token);
    writeByte(' ');
  }

  /** Binary int32: size byte 4 then little-endian value. */
  public void writeInt32Binary(int v) throws IOException {
    ensure(5);
    buf.put((byte) 4);
    buf.putInt(v);
  }

  public void writeRawInt32(int v) throws IOException {
    ensure(4);
    buf.putInt(v);
  }

  /** Binary float: size byte 4 then little-endian value. */
  public void writeFloatBinary(float v) throws IOException {
    ensure(5);
    buf.put((byte) 4);
    buf.putFloat(v);
  }

  /** Binary double: size byte 8 then little-endian value. */
  public void writeDoubleBinary(double v) throws IOException {
    ensure(9);
    buf.put((byte) 8);
    buf.putDouble(v);
  }

  public void writeRawFloat(float v) throws IOException {
    ensure(4);
    buf.putFloat(v);
  }

  public void writeRawUint16(int v) throws IOException {
    ensure(2);
    buf.putShort((short) v);
  }

  public void writeFloats(float[] src, int off, int n) throws IOException {
    while (n > 0) {
      ensure(4);
      int take = Math.min(n, buf.remaining() / 4);
      buf.asFloatBuffer().put(src, off, take);
      buf.position(buf.position() + take * 4);
      off += take;
      n -= take;
    }
  }

  public void writeDoubles(double[] src, int off, int n) throws IOException {
    while (n > 0) {
      ensure(8);
      int take = Math.min(n, buf.remaining() / 8);
      buf.asDoubleBuffer().put(src, off, take);
      buf.position(buf.position() + take * 8);
      off += take;
      n -= take;
    }
  }

  /** Pushes buffered bytes to the underlying file or stream. */
  public void flush() throws IOException {
    flushBuffer();
    if (channel instanceof FileChannel) {
      return;
    }
  }

  /**
   * Completes the output: flushes, and for a file renames the temporary file onto the target. Without a
   * commit, {@link #close()} discards a file output.
   */
  public void commit() throws IOException {
    if (closed) {
      throw new IOException(name + ": commit after close");
    }
    flushBuffer();
    committed = true;
    close();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException failure = null;
    try {
      if (committed || target == null) {
        flushBuffer();
      }
    } catch (IOException e) {
      failure = e;
    }
    try {
      channel.close();
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    if (target != null) {
      if (committed && failure == null) {
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.deleteIfExists(temp);
      }
    } else if (finisher != null) {
      try {
        finisher.finish(committed && failure == null);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
