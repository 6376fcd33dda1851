package org.asrdistill.kaldiio.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.asrdistill.kaldiio.KaldiFormatException;

/**
 * A buffered byte source that knows its absolute offset and speaks Kaldi's low-level encoding: binary
 * headers ({@code \0B}), space-terminated tokens, size-prefixed little-endian basic types in binary mode
 * and whitespace-separated values in text mode. Every error names the source, the current key and the
 * byte offset.
 *
 * <p>Not thread-safe. Reading bulk float data goes through a direct buffer and a single bulk copy.
 */
public final class KaldiInput implements Closeable {
  /** Longest token or key accepted; longer ones are treated as corruption. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private static final int BUFFER_SIZE = 1 << 20;

  /** Files at least this large are read through memory-mapped windows instead of a copy buffer. */
  static final long MAP_THRESHOLD = 16L << 20;

  /** Size of one memory-mapped window. */
  private static final int MAP_WINDOW = 64 << 20;

  private final String name;
  private final ReadableByteChannel channel;
  private final Closeable onClose;
  private ByteBuffer buf;
  private final boolean mapped; // buf is a read-only window of a mapped file
  private final long length; // total size of the source when known (files, byte arrays), else -1
  private long bufStart; // absolute offset of buf position 0
  private boolean eof;
  private String key;
  private final StringBuilder sb = new StringBuilder();

  private KaldiInput(String name, ReadableByteChannel channel, Closeable onClose, long startOffset, long length) {
    this(name, channel, onClose, startOffset, length, false);
  }

  private KaldiInput(String name, ReadableByteChannel channel, Closeable onClose, long startOffset, long length,
      boolean mapped) {
    this.name = name;
    this.mapped = mapped;
    this.length = length;
    this.channel = channel;
    this.onClose = onClose;
    // A small source gets a small buffer (opening many small files, e.g. scp targets, stays cheap); peek()
    // needs up to 4 KiB of look-ahead.
    long need = length < 0 ? BUFFER_SIZE : Math.max(8192, length - startOffset + 16);
    this.buf = mapped ? ByteBuffer.allocate(0)
        : ByteBuffer.allocateDirect((int) Math.min(BUFFER_SIZE, need)).order(ByteOrder.LITTLE_ENDIAN);
    this.buf.limit(0);
    this.bufStart = startOffset;
  }

  /** Opens a file, optionally positioned at {@code offset}. */
  public static KaldiInput open(Path file, long offset) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      if (offset > 0) {
        if (offset > ch.size()) {
          throw new KaldiFormatException(file.toString(), null, offset,
              "offset is past the end of the file (size " + ch.size() + ")");
        }
        ch.position(offset);
      }
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    long size = ch.size();
    // Large regular files are mapped: bulk reads then copy straight from the page cache, once.
    boolean map = size >= MAP_THRESHOLD && java.nio.file.Files.isRegularFile(file);
    return new KaldiInput(file.toString(), ch, ch, offset, size, map);
  }

  /** Wraps a stream (standard input, a pipe); {@code onClose} is closed with this input. */
  public static KaldiInput of(String name, InputStream in, Closeable onClose) {
    return new KaldiInput(name, java.nio.channels.Channels.newChannel(in), onClose, 0, -1);
  }

  /** Wraps an in-memory byte array (tests, decoded scp entries). */
  public static KaldiInput of(String name, byte[] bytes) {
    return new KaldiInput(name, java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(bytes)),
        () -> { }, 0, bytes.length);
  }

  public String name() {
    return name;
  }

  /** Sets the table key named in error messages (null outside an entry). */
  public void setKey(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Absolute byte offset of the next byte to be read. */
  public long offset() {
    return bufStart + buf.position();
  }

  public KaldiFormatException error(String problem) {
    return new KaldiFormatException(name, key, offset(), problem);
  }

  public KaldiFormatException error(long at, String problem) {
    return new KaldiFormatException(name, key, at, problem);
  }

  /** Bytes left in the source when its size is known (a file, a byte array), else -1 (a stream). */
  public long remaining() {
    return length < 0 ? -1 : Math.max(0, length - offset());
  }

  /**
   * Fails, before anything is allocated, when the source's size is known and fewer than {@code bytes}
   * bytes remain for an object whose size field at offset {@code at} claims them.
   */
  public void checkAvailable(long at, long bytes, String what) throws KaldiFormatException {
    long left = remaining();
    if (left >= 0 && bytes > left) {
      throw error(at, what + " needs " + bytes + " more bytes but only " + left + " remain (truncated or corrupt)");
    }
  }

  /** Ensures at least {@code n} bytes are buffered, if the input has them; returns the number buffered. */
  private int fill(int n) throws IOException {
    if (mapped) {
      return fillMapped(n);
    }
    n = Math.min(n, buf.capacity());
    if (buf.remaining() >= n || eof) {
      return buf.remaining();
    }
    bufStart += buf.position();
    buf.compact();
    try {
      while (buf.position() < n && !eof) {
        int r = channel.read(buf);
        if (r < 0) {
          eof = true;
        } else if (r == 0) {
          Thread.onSpinWait();
        }
      }
    } finally {
      buf.flip();
    }
    return buf.remaining();
  }

  /** Mapped mode: moves the window so that it starts at the current offset when fewer than n bytes remain. */
  private int fillMapped(int n) throws IOException {
    if (buf.remaining() >= n) {
      return buf.remaining();
    }
    long pos = bufStart + buf.position();
    long len = Math.min(MAP_WINDOW, length - pos);
    if (len <= buf.remaining()) {
      eof = true;
      return buf.remaining();
    }
    mapAt(pos, len);
    return buf.remaining();
  }

  private void mapAt(long pos, long len) throws IOException {
    buf = ((FileChannel) channel).map(FileChannel.MapMode.READ_ONLY, pos, len).order(ByteOrder.LITTLE_ENDIAN);
    bufStart = pos;
    eof = pos + len >= length;
  }

  /** Next byte without consuming it, or -1 at end of input. */
  public int peek() throws IOException {
    if (fill(1) < 1) {
      return -1;
    }
    return buf.get(buf.position()) & 0xff;
  }

  /** Byte at {@code ahead} positions from the next one, or -1 past the end; ahead < 4096. */
  public int peek(int ahead) throws IOException {
    if (fill(ahead + 1) < ahead + 1) {
      return -1;
    }
    return buf.get(buf.position() + ahead) & 0xff;
  }

  /** Reads one byte, or -1 at end of input. */
  public int read() throws IOException {
    if (fill(1) < 1) {
      return -1;
    }
    return buf.get() & 0xff;
  }

  /** True when no byte is left. */
  public boolean atEof() throws IOException {
    return peek() < 0;
  }

  private int readByteOrThrow(String what) throws IOException {
    int b = read();
    if (b < 0) {
      throw error("unexpected end of input while reading " + what);
    }
    return b;
  }

  /** Consumes a binary header {@code \0B} if one is next; returns whether the object is binary. */
  public boolean readBinaryHeader() throws IOException {
    if (peek() == 0) {
      if (peek(1) != 'B') {
        throw error("found \\0 that is not followed by 'B' (not a Kaldi binary object)");
      }
      buf.position(buf.position() + 2);
      return true;
    }
    return false;
  }

  public static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
  }

  /** Skips whitespace; returns the next byte (not consumed) or -1. */
  public int skipSpace() throws IOException {
    int c;
    while ((c = peek()) >= 0 && isSpace(c)) {
      buf.position(buf.position() + 1);
    }
    return c;
  }

  /**
   * Reads a whitespace-delimited word (skipping leading whitespace), as {@code is >> str}. Returns null at
   * end of input. The delimiter is not consumed.
   */
  public String readWord(String what) throws IOException {
    if (skipSpace() < 0) {
      return null;
    }
    sb.setLength(0);
    int c;
    while ((c = peek()) >= 0 && !isSpace(c)) {
      if (sb.length() >= MAX_TOKEN_LENGTH) {
        throw error(what + " is longer than " + MAX_TOKEN_LENGTH + " bytes (corrupt input?)");
      }
      if (c == 0) {
        throw error("NUL byte inside " + what);
      }
      sb.append((char) c);
      buf.position(buf.position() + 1);
    }
    // Bytes >= 0x80 were stored as Latin-1 chars; re-decode as UTF-8 if needed.
    for (int i = 0; i < sb.length(); i++) {
      if (sb.charAt(i) >= 0x80) {
        byte[] raw = new byte[sb.length()];
        for (int j = 0; j < raw.length; j++) {
          raw[j] = (byte) sb.charAt(j);
        }
        return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return sb.toString();
  }

  /** Reads a token (Kaldi's ReadToken) and consumes the single whitespace that terminates it. */
  public String readToken(String what) throws IOException {
    String t = readWord(what);
    if (t == null) {
      throw error("unexpected end of input, expected " + what);
    }
    int c = peek();
    if (c >= 0) {
      buf.position(buf.position() + 1);
    }
    return t;
  }

  /** Reads a token and checks it is {@code expected}. */
  public void expectToken(String expected) throws IOException {
    skipSpace(); // offsets name the word, not the blanks before it
    long at = offset();
    String t = readWord("token");
    if (t == null) {
      throw error(at, "expected token '" + expected + "', found end of input");
    }
    if (!t.equals(expected)) {
      throw error(at, "expected token '" + expected + "', found '" + abbreviate(t) + "'");
    }
    if (peek() >= 0) {
      buf.position(buf.position() + 1);
    }
  }

  public static String abbreviate(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 24; i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    if (b.length() >= 24) {
      b.append("...");
    }
    return b.toString();
  }

  /** Reads a binary int32 (size byte 4, then 4 little-endian bytes). */
  public int readInt32Binary() throws IOException {
    long at = offset();
    int size = readByteOrThrow("int32 size byte");
    if (size != 4) {
      throw error(at, "expected int32 (size byte 4), found size byte " + (byte) size);
    }
    if (fill(4) < 4) {
      throw error("unexpected end of input inside an int32");
    }
    return buf.getInt();
  }

  /** Reads a binary int32 with no size prefix. */
  public int readRawInt32() throws IOException {
    if (fill(4) < 4) {
      throw error("unexpected end of input inside an int32");
    }
    return buf.getInt();
  }

  /** Reads a binary float or double as Kaldi's ReadBasicType (size byte 4 or 8). */
  public double readRealBinary() throws IOException {
    long at = offset();
    int size = readByteOrThrow("float size byte");
    if (size == 4) {
      if (fill(4) < 4) {
        throw error("unexpected end of input inside a float");
      }
      return buf.getFloat();
    } else if (size == 8) {
      if (fill(8) < 8) {
        throw error("unexpected end of input inside a double");
      }
      return buf.getDouble();
    }
    throw error(at, "expected float or double (size byte 4 or 8), found size byte " + (byte) size);
  }

  /** Reads a raw little-endian float (no size prefix). */
  public float readRawFloat() throws IOException {
    if (fill(4) < 4) {
      throw error("unexpected end of input inside a float");
    }
    return buf.getFloat();
  }

  /** Reads a raw little-endian unsigned 16-bit value. */
  public int readRawUint16() throws IOException {
    if (fill(2) < 2) {
      throw error("unexpected end of input inside a uint16");
    }
    return buf.getShort() & 0xffff;
  }

  /** Reads a text int32 (Kaldi text mode). */
  public int readInt32Text(String what) throws IOException {
    skipSpace(); // offsets name the word, not the blanks before it
    long at = offset();
    String w = readWord(what);
    if (w == null) {
      throw error("unexpected end of input, expected " + what);
    }
    try {
      return Integer.parseInt(w);
    } catch (NumberFormatException e) {
      throw error(at, "expected an integer " + what + ", found '" + abbreviate(w) + "'");
    }
  }

  /** Reads a finite text real number; NaN and infinities are rejected. */
  public double readRealText(String what) throws IOException {
    skipSpace(); // offsets name the word, not the blanks before it
    long at = offset();
    String w = readWord(what);
    if (w == null) {
      throw error("unexpected end of input, expected " + what);
    }
    return parseFinite(w, at, what);
  }

  /** Parses a finite number or throws naming the offset. */
  public double parseFinite(String w, long at, String what) throws KaldiFormatException {
    double d;
    try {
      d = TextNumbers.parseDouble(w);
    } catch (NumberFormatException e) {
      throw error(at, "expected a number for " + what + ", found '" + abbreviate(w) + "'");
    }
    if (!Double.isFinite(d)) {
      throw error(at, "non-finite value '" + abbreviate(w) + "' in " + what);
    }
    return d;
  }

  /** Reads {@code n} raw little-endian floats into {@code dst[off..off+n)}. */
  public void readFloats(float[] dst, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      int avail = fill(Math.min(4, (n - done) * 4)) / 4;
      if (avail == 0) {
        throw error("unexpected end of input inside float data (" + (n - done) + " of " + n
            + " values missing)");
      }
      int take = Math.min(avail, n - done);
      buf.asFloatBuffer().get(dst, off + done, take);
      buf.position(buf.position() + take * 4);
      done += take;
      if (done < n && buf.remaining() < 4) {
        fill(Math.min(BUFFER_SIZE, (n - done) * 4));
      }
    }
  }

  /** Reads {@code n} raw little-endian doubles into {@code dst[off..off+n)}. */
  public void readDoubles(double[] dst, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      int avail = fill(Math.min(8, (n - done) * 8)) / 8;
      if (avail == 0) {
        throw error("unexpected end of input inside double data (" + (n - done) + " of " + n
            + " values missing)");
      }
      int take = Math.min(avail, n - done);
      buf.asDoubleBuffer().get(dst, off + done, take);
      buf.position(buf.position() + take * 8);
      done += take;
    }
  }

  /** Reads exactly {@code n} raw bytes. */
  public void readBytes(byte[] dst, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      int avail = fill(1);
      if (avail == 0) {
        throw error("unexpected end of input (" + (n - done) + " of " + n + " bytes missing)");
      }
      int take = Math.min(avail, n - done);
      buf.get(dst, off + done, take);
      done += take;
    }
  }

  /**
   * Reads up to {@code n} raw bytes, fewer only at the end of input; returns the number read. Unlike
   * {@link #readBytes} a short input is not an error (for formats that may end early, such as piped WAV).
   */
  public int readUpTo(byte[] dst, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      int avail = fill(1);
      if (avail == 0) {
        break;
      }
      int take = Math.min(avail, n - done);
      buf.get(dst, off + done, take);
      done += take;
    }
    return done;
  }

  /** Skips {@code n} bytes. */
  public void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      int avail = fill(1);
      if (avail == 0) {
        throw new EOFException(name + ": unexpected end of input while skipping");
      }
      int take = (int) Math.min(avail, left);
      buf.position(buf.position() + take);
      left -= take;
    }
  }

  /** True if this input can be repositioned with {@link #seek(long)}. */
  public boolean seekable() {
    return channel instanceof FileChannel;
  }

  /** Repositions a file input at absolute offset {@code pos}; keeps the buffer when it covers it. */
  public void seek(long pos) throws IOException {
    if (pos >= bufStart && pos <= bufStart + buf.limit()) {
      buf.position((int) (pos - bufStart));
      return;
    }
    if (!(channel instanceof FileChannel)) {
      throw new IOException(name + ": cannot seek in a stream");
    }
    FileChannel fc = (FileChannel) channel;
    if (pos > fc.size()) {
      throw new KaldiFormatException(name, key, pos,
          "offset is past the end of the file (size " + fc.size() + ")");
    }
    if (mapped) {
      mapAt(pos, Math.min(MAP_WINDOW, length - pos));
      return;
    }
    fc.position(pos);
    buf.clear();
    buf.limit(0);
    bufStart = pos;
    eof = false;
  }

  /** Consumes one newline (or CRLF) if it is next. */
  public void skipNewline() throws IOException {
    int c = peek();
    if (c == '\r' && peek(1) == '\n') {
      skip(2);
    } else if (c == '\n') {
      skip(1);
    }
  }

  /** Reads the rest of the current line (without the newline), as UTF-8; null at end of input. */
  public String readLine() throws IOException {
    if (peek() < 0) {
      return null;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int c;
    while ((c = read()) >= 0 && c != '\n') {
      if (out.size() >= 64 * MAX_TOKEN_LENGTH) {
        throw error("line longer than " + 64 * MAX_TOKEN_LENGTH + " bytes (corrupt input?)");
      }
      out.write(c);
    }
    byte[] b = out.toByteArray();
    int len = b.length;
    if (len > 0 && b[len - 1] == '\r') {
      len--;
    }
    return new String(b, 0, len, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      onClose.close();
    }
  }
}
