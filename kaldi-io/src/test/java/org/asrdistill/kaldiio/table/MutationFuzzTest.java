package org.asrdistill.kaldiio.table;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds seeded random corruptions of valid archives of every type (binary and text, plus the Kaldi-written
 * fixtures) to the readers. Reading must either succeed or throw the library's {@link KaldiFormatException}
 * (not one that merely wraps a RuntimeException); nothing else may escape, no read may allocate much more
 * than its input could hold, and nothing may hang.
 */
class MutationFuzzTest {
  private static final long SEED = 0x5eed_2024L;
  private static final int CASES = 10_200;
  private static final int BATCH = 600;
  /** Heap a single read may allocate beyond 64 bytes per input byte (buffers, boxed lists, copies). */
  private static final long ALLOCATION_SLACK = 24L << 20;

  @TempDir
  Path tmp;

  private record Base(String name, Holder<?> holder, byte[] bytes) {
  }

  private List<Base> bases() throws IOException {
    List<Base> out = new ArrayList<>();
    for (Samples.Case<?> c : Samples.all()) {
      for (boolean binary : new boolean[] {true, false}) {
        out.add(new Base(c.name() + (binary ? " binary" : " text"), c.holder(), write(c, binary)));
      }
    }
    for (String f : new String[] {"test.ark", "test.cm1.ark", "test.cm3.ark", "test.cm5.ark", "test.text.ark"}) {
      out.add(new Base(f, Holders.FLOAT_MATRIX, Files.readAllBytes(KaldiFixturesTest.fixture(f))));
    }
    return out;
  }

  private <T> byte[] write(Samples.Case<T> c, boolean binary) throws IOException {
    Path p = tmp.resolve("base.ark");
    try (TableWriter<T> w = TableWriter.open((binary ? "ark:" : "ark,t:") + p, c.holder())) {
      for (int i = 0; i < c.values().size(); i++) {
        w.write(Samples.Case.key(i), c.values().get(i));
      }
      w.commit();
    }
    return Files.readAllBytes(p);
  }

  private static final String[] TOKENS = {"FM ", "DM ", "FV ", "DV ", "CM ", "CM2 ", "CM3 ", "[", "]", " [ ", "\0B",
      "\n", " ", "nan", "inf", "-1e39", "1e400", "[]", ";", "\4", "\u00ff", "k00 "};

  /** Applies one to three random mutations; returns a description of them. */
  static String mutate(Random rnd, ByteArrayOutputStream out, byte[] in) {
    byte[] b = in.clone();
    StringBuilder what = new StringBuilder();
    int n = 1 + rnd.nextInt(3);
    for (int m = 0; m < n; m++) {
      int len = b.length;
      int pos = len == 0 ? 0 : rnd.nextInt(len);
      int kind = rnd.nextInt(9);
      what.append(kind).append('@').append(pos).append(' ');
      switch (kind) {
        case 0: // flip bits
          if (len > 0) {
            b[pos] ^= (byte) (1 << rnd.nextInt(8));
          }
          break;
        case 1: // truncate anywhere
          b = java.util.Arrays.copyOf(b, pos);
          break;
        case 2: { // insert random bytes
          byte[] ins = new byte[1 + rnd.nextInt(8)];
          rnd.nextBytes(ins);
          b = splice(b, pos, 0, ins);
          break;
        }
        case 3: // delete a run
          b = splice(b, pos, Math.min(len - pos, 1 + rnd.nextInt(16)), new byte[0]);
          break;
        case 4: { // a huge, negative or odd size after a size byte 4
          int at = findSizeByte(b, pos);
          if (at >= 0 && at + 4 < b.length) {
            int[] vals = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 1 << 30, 65536, 1 << 20, rnd.nextInt()};
            int v = vals[rnd.nextInt(vals.length)];
            for (int k = 0; k < 4; k++) {
              b[at + 1 + k] = (byte) (v >>> (8 * k));
            }
          }
          break;
        }
        case 5: { // replace a stretch by a (possibly wrong) token
          byte[] tok = TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.ISO_8859_1);
          b = splice(b, pos, Math.min(len - pos, rnd.nextInt(4)), tok);
          break;
        }
        case 6: { // swap two chunks
          if (len > 4) {
            int a = rnd.nextInt(len);
            int c = rnd.nextInt(len);
            int k = 1 + rnd.nextInt(Math.min(8, len - Math.max(a, c)));
            byte[] t = java.util.Arrays.copyOfRange(b, a, a + k);
            System.arraycopy(b, c, b, a, k);
            System.arraycopy(t, 0, b, c, k);
          }
          break;
        }
        case 7: { // overwrite with garbage
          int k = Math.min(len - pos, 1 + rnd.nextInt(32));
          byte[] g = new byte[k];
          rnd.nextBytes(g);
          System.arraycopy(g, 0, b, pos, k);
          break;
        }
        default: { // duplicate a chunk elsewhere
          if (len > 0) {
            int k = Math.min(len - pos, 1 + rnd.nextInt(64));
            b = splice(b, rnd.nextInt(len), 0, java.util.Arrays.copyOfRange(b, pos, pos + k));
          }
        }
      }
    }
    out.reset();
    out.writeBytes(b);
    return what.toString().strip();
  }

  private static int findSizeByte(byte[] b, int from) {
    for (int i = 0; i < b.length; i++) {
      int j = (from + i) % b.length;
      if (b[j] == 4) {
        return j;
      }
    }
    return -1;
  }

  private static byte[] splice(byte[] b, int pos, int remove, byte[] insert) {
    byte[] o = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, o, 0, pos);
    System.arraycopy(insert, 0, o, pos, insert.length);
    System.arraycopy(b, pos + remove, o, pos + insert.length, b.length - pos - remove);
    return o;
  }

  @Test
  void corruptedArchivesOnlyEverGiveFormatExceptions() throws Exception {
    List<Base> bases = bases();
    Random rnd = new Random(SEED);
    Path ark = tmp.resolve("fuzz.ark");
    Path scp = tmp.resolve("fuzz.scp");
    List<String> escapes = new ArrayList<>();
    int[] outcomes = new int[2]; // [succeeded, format exception]
    Holder<?>[] holders = {Holders.FLOAT_MATRIX, Holders.DOUBLE_MATRIX, Holders.COMPRESSED_MATRIX,
        Holders.FLOAT_VECTOR, Holders.DOUBLE_VECTOR, Holders.INT32_VECTOR, Holders.INT32, Holders.FLOAT,
        Holders.POSTERIOR, Holders.TOKEN_VECTOR};
    for (int batch = 0; batch < CASES / BATCH; batch++) {
      final int b0 = batch;
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int i = 0; i < BATCH; i++) {
          int caseNo = b0 * BATCH + i;
          Base base = bases.get(rnd.nextInt(bases.size()));
          String what = mutate(rnd, buf, base.bytes());
          byte[] bytes = buf.toByteArray();
          Files.write(ark, bytes);
          // Mostly the archive's own type; sometimes another type (type confusion).
          Holder<?> holder = rnd.nextInt(5) == 0 ? holders[rnd.nextInt(holders.length)] : base.holder();
          int route = rnd.nextInt(10);
          long before = allocated();
          try {
            if (route < 6) {
              readSequential("ark:" + ark, holder);
            } else if (route < 8) {
              readRandom("ark" + (route == 7 ? ",s" : "") + ":" + ark, holder, rnd);
            } else {
              Files.writeString(scp, scpFor(base, ark, rnd));
              if (route == 8) {
                readSequential("scp:" + scp, holder);
              } else {
                readRandom("scp:" + scp, holder, rnd);
              }
            }
            outcomes[0]++;
          } catch (KaldiFormatException e) {
            if (e.getCause() instanceof RuntimeException) {
              escapes.add("#" + caseNo + " " + base.name() + " [" + what + "] route " + route + ": wrapped " + e);
            }
            outcomes[1]++;
          } catch (Throwable t) {
            escapes.add("#" + caseNo + " " + base.name() + " [" + what + "] route " + route + " " + holder.typeName()
                + ": " + t);
          }
          long used = allocated() - before;
          if (used > ALLOCATION_SLACK + 64L * bytes.length) {
            escapes.add("#" + caseNo + " " + base.name() + " [" + what + "]: allocated " + used + " bytes for a "
                + bytes.length + "-byte input");
          }
        }
      }, "batch " + batch + " did not finish (a reader hangs?)");
    }
    assertTrue(outcomes[0] + outcomes[1] >= 10_000, "cases: " + (outcomes[0] + outcomes[1]));
    assertTrue(outcomes[1] > CASES / 4, "suspiciously few failures: " + outcomes[1]);
    assertTrue(escapes.isEmpty(), escapes.size() + " escapes, e.g.:\n" + String.join("\n",
        escapes.subList(0, Math.min(20, escapes.size()))));
  }

  /**
   * An scp over the (corrupted) archive: offsets of where entries start in it (found by scanning for
   * {@code "kNN "}), some shifted, some with ranges.
   */
  private static String scpFor(Base base, Path ark, Random rnd) {
    StringBuilder sb = new StringBuilder();
    String text = new String(base.bytes(), StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 100; i++) {
      String key = Samples.Case.key(i);
      int at = text.indexOf(key + " ");
      if (at < 0) {
        break;
      }
      long off = at + key.length() + 1;
      int r = rnd.nextInt(8);
      if (r == 0) {
        off += rnd.nextInt(9) - 4;
      } else if (r == 1) {
        off = rnd.nextInt(Integer.MAX_VALUE);
      }
      sb.append(key).append(' ').append(ark).append(':').append(Math.max(0, off));
      int q = rnd.nextInt(6);
      if (q == 0) {
        sb.append('[').append(rnd.nextInt(4)).append(':').append(rnd.nextInt(12)).append(']');
      } else if (q == 1) {
        sb.append("[:,").append(rnd.nextInt(3)).append(':').append(rnd.nextInt(6) - 1).append(']');
      } else if (q == 2) {
        sb.append("[0:").append(rnd.nextBoolean() ? "2147483647" : "99999999999").append(",0:1]");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static <T> void readSequential(String rspecifier, Holder<T> holder) throws IOException {
    try (SequentialTableReader<T> r = SequentialTableReader.open(rspecifier, holder)) {
      while (r.next()) {
        r.key();
        r.value();
      }
    }
  }

  private static <T> void readRandom(String rspecifier, Holder<T> holder, Random rnd) throws IOException {
    try (RandomAccessTableReader<T> r = RandomAccessTableReader.open(rspecifier, holder)) {
      for (int i = 0; i < 4; i++) {
        String key = Samples.Case.key(rnd.nextInt(14));
        if (r.hasKey(key)) {
          r.value(key);
        }
      }
    }
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
