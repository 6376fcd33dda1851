package org.asrdistill.decoder.lattice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.asrdistill.fst.io.WeightFormat;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.table.Holder;

/**
 * Kaldi's CompactLatticeHolder: compact lattices in tables. Binary: an OpenFst binary {@code vector} FST
 * of arc type {@code compactlattice44} (no Kaldi {@code \0B} marker; each weight = graph float, acoustic
 * float, int32 string length, int32 transition-ids). Text: a newline, then one line per arc
 * ({@code src<TAB>dst<TAB>word<TAB>graph,acoustic,t1_t2_...}, the weight omitted when it is one) and per
 * final state ({@code state<TAB>weight}, or just the state for weight one), then an empty line; numbers
 * with 6 significant digits as C++ streams print them.
 */
public final class CompactLatticeHolder implements Holder<CompactLattice> {
  /** OpenFst's FST magic number. */
  public static final int FST_MAGIC = 2125659606;
  /** The arc type Kaldi registers for CompactLatticeArc (float weights, int32 labels). */
  public static final String ARC_TYPE = "compactlattice44";
  public static final CompactLatticeHolder INSTANCE = new CompactLatticeHolder();

  private CompactLatticeHolder() {
  }

  @Override
  public String typeName() {
    return "compact lattice";
  }

  @Override
  public void write(KaldiOutput out, CompactLattice c, boolean binary) throws IOException {
    if (binary) {
      out.writeRawInt32(FST_MAGIC);
      writeString(out, "vector");
      writeString(out, ARC_TYPE);
      out.writeRawInt32(2); // version
      out.writeRawInt32(0); // flags: no symbol tables
      writeInt64(out, 0x3L); // properties: expanded, mutable
      writeInt64(out, c.start());
      writeInt64(out, c.numStates());
      writeInt64(out, c.numArcs());
      for (int s = 0; s < c.numStates(); s++) {
        writeWeight(out, c.finalGraph(s), c.finalAcoustic(s), c.finalString(s));
        writeInt64(out, c.numArcs(s));
        for (int a = 0; a < c.numArcs(s); a++) {
          out.writeRawInt32(c.label(s, a));
          out.writeRawInt32(c.label(s, a));
          writeWeight(out, c.graph(s, a), c.acoustic(s, a), c.string(s, a));
          out.writeRawInt32(c.nextState(s, a));
        }
      }
      return;
    }
    StringBuilder sb = new StringBuilder("\n");
    int[] order = c.numStates() == 0 ? new int[0] : startFirst(c);
    for (int s : order) {
      for (int a = 0; a < c.numArcs(s); a++) {
        sb.append(s).append('\t').append(c.nextState(s, a)).append('\t').append(c.label(s, a));
        if (!isOne(c.graph(s, a), c.acoustic(s, a), c.string(s, a))) {
          sb.append('\t');
          appendWeight(sb, c.graph(s, a), c.acoustic(s, a), c.string(s, a));
        }
        sb.append('\n');
      }
      if (c.isFinal(s)) {
        sb.append(s);
        if (!isOne(c.finalGraph(s), c.finalAcoustic(s), c.finalString(s))) {
          sb.append('\t');
          appendWeight(sb, c.finalGraph(s), c.finalAcoustic(s), c.finalString(s));
        }
        sb.append('\n');
      }
    }
    sb.append('\n');
    out.writeText(sb.toString());
  }

  @Override
  public CompactLattice read(KaldiInput in) throws IOException {
    int c = in.peek();
    if (c == '\n' || c == '\r' || c == ' ') {
      return readText(in);
    }
    return readBinary(in);
  }

  private static CompactLattice readText(KaldiInput in) throws IOException {
    in.readLine(); // rest of the key line
    CompactLattice out = new CompactLattice();
    while (true) {
      long at = in.offset();
      String line = in.readLine();
      if (line == null || line.isBlank()) {
        break;
      }
      String[] f = line.trim().split("\\s+");
      try {
        int s = Integer.parseInt(f[0]);
        if (f.length >= 3) {
          int d = Integer.parseInt(f[1]);
          ensure(out, Math.max(s, d));
          Object[] w = f.length == 4 ? parseWeight(f[3]) : new Object[] {0f, 0f, new int[0]};
          out.addArc(s, Integer.parseInt(f[2]), (Float) w[0], (Float) w[1], (int[]) w[2], d);
        } else {
          ensure(out, s);
          Object[] w = f.length == 2 ? parseWeight(f[1]) : new Object[] {0f, 0f, new int[0]};
          out.setFinal(s, (Float) w[0], (Float) w[1], (int[]) w[2]);
        }
      } catch (RuntimeException e) {
        throw in.error(at, "bad line in compact lattice text: '" + KaldiInput.abbreviate(line) + "'");
      }
    }
    if (out.numStates() > 0) {
      out.setStart(0);
    }
    return out;
  }

  private static CompactLattice readBinary(KaldiInput in) throws IOException {
    long at = in.offset();
    if (in.readRawInt32() != FST_MAGIC) {
      throw in.error(at, "not an OpenFst binary FST (bad magic number)");
    }
    String type = readString(in);
    String arcType = readString(in);
    if (!type.equals("vector") || !arcType.equals(ARC_TYPE)) {
      throw in.error(at, "expected a vector FST of arc type " + ARC_TYPE + "; got: " + type + "/" + arcType);
    }
    in.readRawInt32();
    int flags = in.readRawInt32();
    if ((flags & 3) != 0) {
      throw in.error(at, "compact lattices with symbol tables are not supported");
    }
    readInt64(in);
    long start = readInt64(in);
    long n = readInt64(in);
    readInt64(in);
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw in.error(at, "bad state count " + n);
    }
    CompactLattice out = new CompactLattice();
    for (long s = 0; s < n; s++) {
      out.addState();
    }
    for (int s = 0; s < n; s++) {
      Object[] fw = readWeight(in);
      if ((Float) fw[0] != Float.POSITIVE_INFINITY) {
        out.setFinal(s, (Float) fw[0], (Float) fw[1], (int[]) fw[2]);
      }
      long na = readInt64(in);
      for (long a = 0; a < na; a++) {
        int il = in.readRawInt32();
        in.readRawInt32();
        Object[] w = readWeight(in);
        int next = in.readRawInt32();
        if (next < 0 || next >= n) {
          throw in.error(in.offset() - 4, "arc to state " + next + " of " + n);
        }
        out.addArc(s, il, (Float) w[0], (Float) w[1], (int[]) w[2], next);
      }
    }
    if (start >= 0) {
      out.setStart((int) start);
    }
    return out;
  }

  private static int[] startFirst(CompactLattice c) {
    int[] order = new int[c.numStates()];
    int k = 0;
    order[k++] = c.start();
    for (int s = 0; s < c.numStates(); s++) {
      if (s != c.start()) {
        order[k++] = s;
      }
    }
    return order;
  }

  private static boolean isOne(float g, float a, int[] str) {
    return g == 0f && a == 0f && str.length == 0;
  }

  private static void appendWeight(StringBuilder sb, float g, float a, int[] str) {
    sb.append(WeightFormat.format(g, 6)).append(',').append(WeightFormat.format(a, 6)).append(',');
    for (int i = 0; i < str.length; i++) {
      sb.append(i > 0 ? "_" : "").append(str[i]);
    }
  }

  private static Object[] parseWeight(String w) {
    String[] p = w.split(",", -1);
    if (p.length != 3) {
      throw new IllegalArgumentException("weight must be graph,acoustic,string; got: " + w);
    }
    int[] str;
    if (p[2].isEmpty()) {
      str = new int[0];
    } else {
      String[] t = p[2].split("_");
      str = new int[t.length];
      for (int i = 0; i < t.length; i++) {
        str[i] = Integer.parseInt(t[i]);
      }
    }
    return new Object[] {WeightFormat.parse(p[0]), WeightFormat.parse(p[1]), str};
  }

  private static void ensure(CompactLattice c, int s) {
    while (c.numStates() <= s) {
      c.addState();
    }
  }

  private static void writeWeight(KaldiOutput out, float g, float a, int[] str) throws IOException {
    out.writeRawFloat(g);
    out.writeRawFloat(a);
    out.writeRawInt32(str.length);
    for (int x : str) {
      out.writeRawInt32(x);
    }
  }

  private static Object[] readWeight(KaldiInput in) throws IOException {
    float g = in.readRawFloat();
    float a = in.readRawFloat();
    long at = in.offset();
    int len = in.readRawInt32();
    if (len < 0) {
      throw in.error(at, "negative string length " + len);
    }
    in.checkAvailable(at, 4L * len, "a transition-id string of length " + len);
    int[] str = new int[len];
    for (int i = 0; i < len; i++) {
      str[i] = in.readRawInt32();
    }
    return new Object[] {g, a, str};
  }

  private static void writeString(KaldiOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeRawInt32(b.length);
    out.writeBytes(b, 0, b.length);
  }

  private static String readString(KaldiInput in) throws IOException {
    long at = in.offset();
    int n = in.readRawInt32();
    if (n < 0 || n > 1024) {
      throw in.error(at, "bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readBytes(b, 0, n);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void writeInt64(KaldiOutput out, long v) throws IOException {
    out.writeRawInt32((int) v);
    out.writeRawInt32((int) (v >>> 32));
  }

  private static long readInt64(KaldiInput in) throws IOException {
    long lo = in.readRawInt32() & 0xffffffffL;
    long hi = in.readRawInt32();
    return lo | (hi << 32);
  }

  /** A short description for logs: states, arcs. */
  public static String describe(CompactLattice c) {
    return String.format(Locale.ROOT, "%d states, %d arcs", c.numStates(), c.numArcs());
  }
}
