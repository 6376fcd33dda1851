package org.asrdistill.fst.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.asrdistill.fst.ConstFst;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.FstFormatException;
import org.asrdistill.fst.Properties;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.fst.VectorFst;

/**
 * OpenFst's binary FST format, little-endian: header (magic 2125659606, fst type, arc type, version, flags,
 * properties, start, #states, #arcs), optional input/output symbol tables, then the {@code vector} body
 * (per state: final weight, int64 #arcs, arcs as ilabel, olabel, weight, nextstate) or the {@code const}
 * body (20-byte state records then 16-byte arcs; 16-byte aligned when the header says so, as in version 1).
 * We write const version 2 unaligned, as OpenFst does by default.
 */
public final class OpenFstBinary {
  public static final int FST_MAGIC = 2125659606;
  public static final int SYMBOL_TABLE_MAGIC = 2125658996;
  private static final int HAS_ISYMBOLS = 1;
  private static final int HAS_OSYMBOLS = 2;
  private static final int IS_ALIGNED = 4;
  private static final int ALIGNMENT = 16;

  /** The FST header fields. */
  public record Header(String fstType, String arcType, int version, int flags, long properties, long start,
      long numStates, long numArcs) {
  }

  /** An FST read from a file, with its header. */
  public record Loaded(Header header, Fst fst) {
  }

  private OpenFstBinary() {
  }

  /** Reads a vector FST into a {@link VectorFst} or a const FST into a {@link ConstFst}. */
  public static Fst read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString()).fst();
    }
  }

  /** Reads one FST from the stream (which is positioned at the header, at stream offset 0). */
  public static Loaded read(InputStream stream, String source) throws IOException {
    In in = new In(stream, source);
    int magic = in.int32();
    if (magic != FST_MAGIC) {
      throw in.error(0, "not an OpenFst binary FST: bad magic number " + magic);
    }
    Header h = new Header(in.string(), in.string(), in.int32(), in.int32(), in.int64(), in.int64(), in.int64(),
        in.int64());
    Semiring sr;
    try {
      sr = Semiring.ofArcType(h.arcType());
    } catch (IllegalArgumentException e) {
      throw in.error(in.offset, "unsupported arc type '" + h.arcType() + "' (standard and log are supported)");
    }
    if (h.numStates() > Integer.MAX_VALUE - 8 || h.start() < -1
        || (h.numStates() >= 0 && h.start() >= h.numStates())) {
      throw in.error(in.offset, "bad header: start " + h.start() + ", states " + h.numStates());
    }
    SymbolTable isyms = (h.flags() & HAS_ISYMBOLS) != 0 ? readSymbols(in) : null;
    SymbolTable osyms = (h.flags() & HAS_OSYMBOLS) != 0 ? readSymbols(in) : null;
    Fst fst;
    if (h.fstType().equals("vector")) {
      fst = readVector(in, h, sr, isyms, osyms);
    } else if (h.fstType().equals("const")) {
      fst = readConst(in, h, sr, isyms, osyms);
    } else {
      throw in.error(in.offset, "unsupported fst type '" + h.fstType() + "' (vector and const are supported)");
    }
    return new Loaded(h, fst);
  }

  private static VectorFst readVector(In in, Header h, Semiring sr, SymbolTable isyms, SymbolTable osyms)
      throws IOException {
    VectorFst fst = new VectorFst(sr);
    fst.setInputSymbols(isyms);
    fst.setOutputSymbols(osyms);
    long n = h.numStates();
    if (n >= 0) {
      fst.reserveStates((int) Math.min(n, 1 << 20));
    }
    for (long s = 0; n < 0 || s < n; s++) {
      if (n < 0 && in.atEnd()) {
        break;
      }
      long at = in.offset;
      float f = in.float32();
      int q = fst.addState();
      fst.setFinal(q, checkWeight(in, at, f));
      long narcs = in.int64();
      if (narcs < 0 || narcs > Integer.MAX_VALUE / 4) {
        throw in.error(in.offset - 8, "state " + s + ": bad arc count " + narcs);
      }
      fst.reserveArcs(q, (int) Math.min(narcs, 1 << 16));
      for (long a = 0; a < narcs; a++) {
        long arcAt = in.offset;
        int il = in.int32();
        int ol = in.int32();
        float w = checkWeight(in, arcAt, in.float32());
        int next = in.int32();
        if (il < 0 || ol < 0 || next < 0 || (n >= 0 && next >= n)) {
          throw in.error(arcAt, "state " + s + " arc " + a + ": bad arc " + il + ":" + ol + " -> " + next);
        }
        fst.addArc(q, il, ol, w, next);
      }
    }
    for (int s = 0; s < fst.numStates(); s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        if (fst.nextState(s, a) >= fst.numStates()) {
          throw in.error(in.offset, "arc to state " + fst.nextState(s, a) + " beyond " + fst.numStates());
        }
      }
    }
    fst.setStart((int) h.start());
    return fst;
  }

  private static Fst readConst(In in, Header h, Semiring sr, SymbolTable isyms, SymbolTable osyms)
      throws IOException {
    boolean aligned = h.version() == 1 || (h.flags() & IS_ALIGNED) != 0;
    if (aligned) {
      in.align();
    }
    int n = (int) h.numStates();
    long narcs = h.numArcs();
    if (n < 0 || narcs < 0 || narcs > (Integer.MAX_VALUE - 8) / 4) {
      throw in.error(in.offset, "bad const header: states " + h.numStates() + ", arcs " + narcs);
    }
    float[] finals = new float[n];
    long[] pos = new long[n];
    int[] count = new int[n];
    for (int s = 0; s < n; s++) {
      long at = in.offset;
      finals[s] = checkWeight(in, at, in.float32());
      pos[s] = in.int32() & 0xffffffffL;
      count[s] = in.int32();
      in.int32();
      in.int32();
      if (count[s] < 0 || pos[s] + count[s] > narcs) {
        throw in.error(at, "state " + s + ": arcs [" + pos[s] + ", +" + count[s] + ") beyond " + narcs);
      }
    }
    if (aligned) {
      in.align();
    }
    int[] il = new int[(int) narcs];
    int[] ol = new int[(int) narcs];
    float[] w = new float[(int) narcs];
    int[] next = new int[(int) narcs];
    for (int a = 0; a < narcs; a++) {
      long at = in.offset;
      il[a] = in.int32();
      ol[a] = in.int32();
      w[a] = checkWeight(in, at, in.float32());
      next[a] = in.int32();
      if (il[a] < 0 || ol[a] < 0 || next[a] < 0 || next[a] >= n) {
        throw in.error(at, "arc " + a + ": bad arc " + il[a] + ":" + ol[a] + " -> " + next[a]);
      }
    }
    VectorFst v = new VectorFst(sr);
    v.reserveStates(n);
    for (int s = 0; s < n; s++) {
      v.addState();
      v.setFinal(s, finals[s]);
      v.reserveArcs(s, count[s]);
      for (int k = 0; k < count[s]; k++) {
        int a = (int) pos[s] + k;
        v.addArc(s, il[a], ol[a], w[a], next[a]);
      }
    }
    v.setStart((int) h.start());
    v.setInputSymbols(isyms);
    v.setOutputSymbols(osyms);
    return ConstFst.copyOf(v);
  }

  private static float checkWeight(In in, long at, float w) throws FstFormatException {
    if (Float.isNaN(w) || w == Float.NEGATIVE_INFINITY) {
      throw in.error(at, "bad weight " + w);
    }
    return w;
  }

  private static SymbolTable readSymbols(In in) throws IOException {
    long at = in.offset;
    int magic = in.int32();
    if (magic != SYMBOL_TABLE_MAGIC) {
      throw in.error(at, "bad symbol table magic number " + magic);
    }
    SymbolTable t = new SymbolTable(in.string());
    long available = in.int64();
    long size = in.int64();
    if (size < 0) {
      throw in.error(in.offset - 8, "bad symbol table size " + size);
    }
    for (long i = 0; i < size; i++) {
      long symAt = in.offset;
      String sym = in.string();
      long key = in.int64();
      try {
        t.addSymbol(sym, key);
      } catch (IllegalArgumentException e) {
        throw in.error(symAt, "symbol table '" + t.name() + "': " + e.getMessage());
      }
    }
    t.restoreAvailableKey(available);
    return t;
  }

  /** Writes fst to file (through a temporary name renamed when complete) as {@code vector} or {@code const}. */
  public static void write(Fst fst, Path file, String fstType) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    readableByAll(tmp);
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(fst, out, fstType);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Gives a temporary file the usual rw-r--r-- mode (temporary files are created owner-only). */
  public static void readableByAll(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default
    }
  }

  /** Writes fst to the stream (assumed at offset 0) as {@code vector} or {@code const}; flushes, not closes. */
  public static void write(Fst fst, OutputStream stream, String fstType) throws IOException {
    boolean isConst = fstType.equals("const");
    if (!isConst && !fstType.equals("vector")) {
      throw new IllegalArgumentException("fst type must be vector or const; got: " + fstType);
    }
    Out out = new Out(stream);
    int flags = (fst.inputSymbols() != null ? HAS_ISYMBOLS : 0) | (fst.outputSymbols() != null ? HAS_OSYMBOLS : 0);
    long props = Properties.compute(fst) | (isConst ? 0 : Properties.MUTABLE);
    out.int32(FST_MAGIC);
    out.string(fstType);
    out.string(fst.semiring().arcType());
    out.int32(2);
    out.int32(flags);
    out.int64(props);
    out.int64(fst.start());
    out.int64(fst.numStates());
    out.int64(isConst ? fst.totalArcs() : 0);
    if (fst.inputSymbols() != null) {
      writeSymbols(out, fst.inputSymbols());
    }
    if (fst.outputSymbols() != null) {
      writeSymbols(out, fst.outputSymbols());
    }
    if (isConst) {
      long pos = 0;
      for (int s = 0; s < fst.numStates(); s++) {
        out.float32(fst.finalWeight(s));
        out.int32((int) pos);
        out.int32(fst.numArcs(s));
        out.int32(fst.numInputEpsilons(s));
        out.int32(fst.numOutputEpsilons(s));
        pos += fst.numArcs(s);
      }
      if (pos > 0xffffffffL) {
        throw new IllegalArgumentException("too many arcs for a const FST: " + pos);
      }
    }
    for (int s = 0; s < fst.numStates(); s++) {
      if (!isConst) {
        out.float32(fst.finalWeight(s));
        out.int64(fst.numArcs(s));
      }
      for (int a = 0; a < fst.numArcs(s); a++) {
        out.int32(fst.ilabel(s, a));
        out.int32(fst.olabel(s, a));
        out.float32(fst.weight(s, a));
        out.int32(fst.nextState(s, a));
      }
    }
    out.flush();
  }

  private static void writeSymbols(Out out, SymbolTable t) throws IOException {
    out.int32(SYMBOL_TABLE_MAGIC);
    out.string(t.name());
    out.int64(t.availableKey());
    out.int64(t.size());
    for (int i = 0; i < t.size(); i++) {
      out.string(t.symbols().get(i));
      out.int64(t.keys().get(i));
    }
  }

  private static final class In {
    private final InputStream in;
    private final String source;
    private final byte[] buf = new byte[8];
    long offset;

    In(InputStream in, String source) {
      this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
      this.source = source;
    }

    FstFormatException error(long at, String problem) {
      return new FstFormatException(source, "byte offset " + at, problem);
    }

    private void fill(int n) throws IOException {
      int got = in.readNBytes(buf, 0, n);
      if (got < n) {
        throw error(offset + got, "unexpected end of file");
      }
      offset += n;
    }

    boolean atEnd() throws IOException {
      in.mark(1);
      int b = in.read();
      in.reset();
      return b < 0;
    }

    int int32() throws IOException {
      fill(4);
      return (buf[0] & 0xff) | (buf[1] & 0xff) << 8 | (buf[2] & 0xff) << 16 | (buf[3] & 0xff) << 24;
    }

    long int64() throws IOException {
      long lo = int32() & 0xffffffffL;
      long hi = int32() & 0xffffffffL;
      return lo | hi << 32;
    }

    float float32() throws IOException {
      return Float.intBitsToFloat(int32());
    }

    String string() throws IOException {
      long at = offset;
      int len = int32();
      if (len < 0 || len > (1 << 24)) {
        throw error(at, "bad string length " + len);
      }
      byte[] b = in.readNBytes(len);
      if (b.length < len) {
        throw new FstFormatException(source, "byte offset " + (offset + b.length), "unexpected end of file");
      }
      offset += len;
      return new String(b, StandardCharsets.UTF_8);
    }

    void align() throws IOException {
      while (offset % ALIGNMENT != 0) {
        if (in.read() < 0) {
          throw new EOFException(source + ": unexpected end of file while aligning at byte " + offset);
        }
        offset++;
      }
    }
  }

  private static final class Out {
    private final OutputStream out;
    private final byte[] buf = new byte[8];

    Out(OutputStream out) {
      this.out = new BufferedOutputStream(out, 1 << 16);
    }

    void int32(int v) throws IOException {
      buf[0] = (byte) v;
      buf[1] = (byte) (v >>> 8);
      buf[2] = (byte) (v >>> 16);
      buf[3] = (byte) (v >>> 24);
      out.write(buf, 0, 4);
    }

    void int64(long v) throws IOException {
      int32((int) v);
      int32((int) (v >>> 32));
    }

    void float32(float f) throws IOException {
      int32(Float.floatToRawIntBits(f));
    }

    void string(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      int32(b.length);
      out.write(b);
    }

    void flush() throws IOException {
      out.flush();
    }
  }
}
