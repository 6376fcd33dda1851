package org.asrdistill.distill.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.ensemble.Ensemble;
import org.asrdistill.distill.loss.SoftTargets;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * The ensemble's outputs for every frame of a frame store, in fixed-size records indexed by the store's frame
 * number, memory-mapped for training. Modes:
 * <ul>
 * <li>{@code topk} (default): the k best classes of the geometric-mean log-posteriors (the average of the members'
 * log-softmax): per frame a float32 maximum, k pairs (uint16 class id, uint16 q), score = max - q / 512
 * (0.002-nat steps over 128 nats), and two such q for the other classes (the tail): the mean of their scores, mu,
 * and their log-mean-exp, L. At temperature T each tail class gets the score mu + (L - mu) / T, which gives the
 * tail its exact mass at T = 1 and its first-order mass as T grows (leaving the tail out makes the student push
 * those classes to zero probability: at T = 10 they hold a large part of the mass). Soft targets at any T are
 * then {@code exp(score / T)} normalised over all classes. 4 + 4k + 4 bytes per frame: k = 62 fills 256 bytes.</li>
 * <li>{@code dense}: all classes' geometric-mean log-posteriors as float32 (exact; 4 x classes bytes per frame).</li>
 * <li>{@code arith}: the k best classes of the arithmetic mean of the members' posteriors at a fixed temperature
 * T0, stored as T0 x log p so that the same formula gives those probabilities back at T0, and the tail as in
 * topk with L taken at T0 (tail score mu + (L - mu) T0 / T).</li>
 * </ul>
 * Header (64 bytes, little-endian): "ASRDTCH1", version, mode, classes, k, members, T (float64), frames,
 * utterances and a fingerprint of the store's index, checked when opened against a store.
 */
public final class TeacherCache implements AutoCloseable {
  /** Cache modes. */
  public enum Mode { TOPK, DENSE, ARITH }

  static final byte[] MAGIC = "ASRDTCH1".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 2;
  static final int HEADER = 64;
  static final float Q = 512f;
  public static final int DEFAULT_K = 62;

  private final Path file;
  private final FileChannel ch;
  private final Mode mode;
  private final int classes;
  private final int k;
  private final double temperature;
  private final int recordBytes;
  private final long frames;
  private final ByteBuffer[] windows;
  private final long recordsPerWindow;

  private TeacherCache(Path file, FrameStore store) throws IOException {
    this.file = file;
    ch = FileChannel.open(file, StandardOpenOption.READ);
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    if (ch.size() < HEADER || ch.read(h, 0) != HEADER) {
      throw new KaldiFormatException(file.toString(), null, 0, "too short for a teacher cache header");
    }
    h.flip();
    byte[] magic = new byte[8];
    h.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new KaldiFormatException(file.toString(), null, 0, "not a teacher cache (no ASRDTCH1 magic)");
    }
    int version = h.getInt();
    if (version != VERSION) {
      throw new KaldiFormatException(file.toString(), null, 8, "teacher cache version " + version + ", this "
          + "program reads version " + VERSION + ": rebuild it with make-teacher-cache");
    }
    int m = h.getInt();
    if (m < 0 || m >= Mode.values().length) {
      throw new KaldiFormatException(file.toString(), null, 12, "unknown cache mode " + m);
    }
    mode = Mode.values()[m];
    classes = h.getInt();
    k = h.getInt();
    h.getInt();
    temperature = h.getDouble();
    frames = h.getLong();
    int utts = h.getInt();
    long fingerprint = h.getLong();
    recordBytes = recordBytes(mode, k, classes);
    if (frames != store.numFrames() || utts != store.utts().size() || fingerprint != fingerprint(store)
        || classes != store.numPdfs()) {
      throw new KaldiFormatException(file.toString(), null, 24, "made for another frame store (" + frames
          + " frames, " + utts + " utterances, " + classes + " classes) than " + store.file() + " ("
          + store.numFrames() + ", " + store.utts().size() + ", " + store.numPdfs() + ")");
    }
    if (ch.size() != HEADER + frames * recordBytes) {
      throw new KaldiFormatException(file.toString(), null, HEADER, "size " + ch.size() + " does not hold " + frames
          + " records of " + recordBytes + " bytes (truncated?)");
    }
    recordsPerWindow = Math.max(1, (1L << 30) / recordBytes);
    int nw = (int) ((frames + recordsPerWindow - 1) / recordsPerWindow);
    windows = new ByteBuffer[nw];
    for (int w = 0; w < nw; w++) {
      long r0 = w * recordsPerWindow;
      long r = Math.min(recordsPerWindow, frames - r0);
      MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, HEADER + r0 * recordBytes, r * recordBytes);
      windows[w] = b.order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  static int recordBytes(Mode mode, int k, int classes) {
    return mode == Mode.DENSE ? 4 * classes : 4 + 4 * k + 4;
  }

  /** A fingerprint of a store's utterance index (keys and lengths). */
  static long fingerprint(FrameStore store) {
    long h = 1125899906842597L;
    for (FrameStore.Utt u : store.utts()) {
      h = 31 * h + u.key().hashCode();
      h = 31 * h + u.frames();
    }
    return h;
  }

  public static TeacherCache open(Path file, FrameStore store) throws IOException {
    return new TeacherCache(file, store);
  }

  /** The cache file. */
  public Path file() {
    return file;
  }

  @Override
  public String toString() {
    return file.toString();
  }

  public Mode mode() {
    return mode;
  }

  public int k() {
    return k;
  }

  public double temperature() {
    return temperature;
  }

  public int bytesPerFrame() {
    return recordBytes;
  }

  /** Soft targets of a batch's frames, decoded into reusable arrays (valid until the next call). */
  public final class BatchTargets implements SoftTargets {
    private final int width = mode == Mode.DENSE ? classes : k;
    private int[] ids = new int[0];
    private float[] scores = new float[0];
    private int[] sizes = new int[0];
    private float[] tailMean = new float[0];
    private float[] tailLme = new float[0];
    private final double tailRef = mode == Mode.ARITH ? temperature : 1.0;

    public SoftTargets load(int[] frameIds, int n) {
      if (ids.length < n * width) {
        ids = new int[n * width];
        scores = new float[n * width];
        sizes = new int[n];
        tailMean = new float[n];
        tailLme = new float[n];
      }
      for (int i = 0; i < n; i++) {
        long f = frameIds[i];
        ByteBuffer b = windows[(int) (f / recordsPerWindow)];
        int pos = (int) ((f % recordsPerWindow) * recordBytes);
        int o = i * width;
        if (mode == Mode.DENSE) {
          for (int c = 0; c < classes; c++) {
            ids[o + c] = c;
            scores[o + c] = b.getFloat(pos + 4 * c);
          }
          sizes[i] = classes;
        } else {
          float max = b.getFloat(pos);
          for (int j = 0; j < k; j++) {
            ids[o + j] = Short.toUnsignedInt(b.getShort(pos + 4 + 4 * j));
            scores[o + j] = max - Short.toUnsignedInt(b.getShort(pos + 6 + 4 * j)) / Q;
          }
          sizes[i] = k;
          tailMean[i] = max - Short.toUnsignedInt(b.getShort(pos + 4 + 4 * k)) / Q;
          tailLme[i] = max - Short.toUnsignedInt(b.getShort(pos + 6 + 4 * k)) / Q;
        }
      }
      return this;
    }

    @Override
    public int size(int row) {
      return sizes[row];
    }

    @Override
    public int classId(int row, int i) {
      return ids[row * width + i];
    }

    @Override
    public float score(int row, int i) {
      return scores[row * width + i];
    }

    @Override
    public double tailScore(int row, double t) {
      if (mode == Mode.DENSE || k >= classes) {
        return Double.NaN;
      }
      return tailMean[row] + (tailLme[row] - tailMean[row]) * tailRef / t;
    }
  }

  public BatchTargets batchTargets() {
    return new BatchTargets();
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }

  /**
   * One pass of the members over every frame of the store (utterance by utterance, in store order); writes the
   * cache to a temporary name and renames it when complete. Returns the bytes per frame.
   */
  public static int write(FrameStore store, List<ModelDir> members, Mode mode, int k, double temperature, Path out,
      Consumer<String> log) throws IOException {
    int classes = store.numPdfs();
    if (mode != Mode.DENSE && (k < 1 || classes > 65536)) {
      throw new IllegalArgumentException("top-k needs k >= 1 and at most 65536 classes; got k=" + k + ", " + classes
          + " classes");
    }
    if (k > classes) {
      log.accept("top-k: k=" + k + " is more than the " + classes + " classes; using k=" + classes);
      k = classes;
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0; got: " + temperature);
    }
    for (ModelDir m : members) {
      if (m.numPdfs() != classes) {
        throw new IllegalArgumentException("member " + m.dir() + " has " + m.numPdfs() + " outputs, the store "
            + classes + " pdfs");
      }
    }
    int rb = recordBytes(mode, k, classes);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    long t0 = System.nanoTime();
    long lastLog = t0;
    try (FileChannel w = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      h.put(MAGIC).putInt(VERSION).putInt(mode.ordinal()).putInt(classes).putInt(mode == Mode.DENSE ? 0 : k)
          .putInt(members.size()).putDouble(temperature).putLong(store.numFrames()).putInt(store.utts().size())
          .putLong(fingerprint(store));
      h.position(0);
      w.write(h, 0);
      w.position(HEADER);
      long done = 0;
      boolean[] inTop = new boolean[classes];
      for (List<FrameStore.Utt> g : Ensemble.groups(store.utts(), Ensemble.GROUP_FRAMES)) {
        List<FloatMatrix> feats = new ArrayList<>(g.size());
        int frames = 0;
        for (FrameStore.Utt u : g) {
          feats.add(store.features(u));
          frames += u.frames();
        }
        List<List<FloatMatrix>> byMember = new ArrayList<>();
        for (ModelDir m : members) {
          byMember.add(m.logLikelihoods(feats, 0f));
        }
        ByteBuffer rec = ByteBuffer.allocate(rb * frames).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < g.size(); j++) {
          List<FloatMatrix> lp = new ArrayList<>(members.size());
          for (List<FloatMatrix> m : byMember) {
            lp.add(m.get(j));
          }
          FloatMatrix comb = mode == Mode.ARITH ? arithmetic(lp, classes, temperature)
              : Ensemble.combine(lp, classes, Ensemble.Combination.GEOMETRIC);
          float[] d = comb.data();
          for (int t = 0; t < g.get(j).frames(); t++) {
            encode(d, t * classes, classes, mode, k, mode == Mode.ARITH ? temperature : 1.0, inTop, rec);
          }
        }
        rec.flip();
        while (rec.hasRemaining()) {
          w.write(rec);
        }
        done += frames;
        long now = System.nanoTime();
        if (now - lastLog > 15e9) {
          lastLog = now;
          log.accept(String.format(Locale.ROOT, "teacher cache: %.1f%% of %d frames", 100.0 * done / store.numFrames(),
              store.numFrames()));
        }
      }
      w.force(false);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    log.accept(String.format(Locale.ROOT, "teacher cache %s: mode %s, %d members, %d frames, %d bytes per frame, "
        + "%.1f s", out, mode.name().toLowerCase(Locale.ROOT), members.size(), store.numFrames(), rb,
        (System.nanoTime() - t0) / 1e9));
    return rb;
  }

  /** T x log of the arithmetic mean of the members' posteriors at temperature T. */
  private static FloatMatrix arithmetic(List<FloatMatrix> lp, int classes, double t) {
    List<FloatMatrix> scaled = new ArrayList<>();
    for (FloatMatrix x : lp) {
      float[] d = x.data().clone();
      for (int i = 0; i < d.length; i++) {
        d[i] /= (float) t;
      }
      scaled.add(new FloatMatrix(x.rows(), x.cols(), d));
    }
    // log-softmax of z/T per member, then the log of their mean
    List<FloatMatrix> norm = new ArrayList<>();
    for (FloatMatrix x : scaled) {
      norm.add(Ensemble.combine(List.of(x), classes, Ensemble.Combination.GEOMETRIC));
    }
    FloatMatrix a = Ensemble.combine(norm, classes, Ensemble.Combination.ARITHMETIC);
    float[] d = a.data();
    for (int i = 0; i < d.length; i++) {
      d[i] *= (float) t;
    }
    return a;
  }

  /**
   * One record: dense scores, or the top k with the tail's mean score and log-mean-exp at temperature
   * {@code tailRef} (both 65535 steps below the maximum when there is no tail). {@code inTop} is scratch.
   */
  private static void encode(float[] d, int off, int classes, Mode mode, int k, double tailRef, boolean[] inTop,
      ByteBuffer rec) {
    if (mode == Mode.DENSE) {
      for (int c = 0; c < classes; c++) {
        rec.putFloat(d[off + c]);
      }
      return;
    }
    int[] top = topK(d, off, classes, k);
    float max = d[off + top[0]];
    rec.putFloat(max);
    for (int j = 0; j < k; j++) {
      rec.putShort((short) top[j]);
      rec.putShort(quantise(max, d[off + top[j]]));
    }
    if (k >= classes) {
      rec.putShort((short) 65535).putShort((short) 65535);
      return;
    }
    for (int j = 0; j < k; j++) {
      inTop[top[j]] = true;
    }
    double sum = 0;
    double sumExp = 0;
    for (int c = 0; c < classes; c++) {
      if (!inTop[c]) {
        sum += d[off + c];
        sumExp += Math.exp((d[off + c] - max) / tailRef); // <= 1: the tail is below the maximum
      }
    }
    for (int j = 0; j < k; j++) {
      inTop[top[j]] = false;
    }
    int n = classes - k;
    double mean = sum / n;
    double lme = max + tailRef * Math.log(sumExp / n);
    rec.putShort(quantise(max, mean));
    rec.putShort(quantise(max, lme));
  }

  /** (max - v) in 1/512-nat steps, clamped to 0..65535, as an unsigned 16-bit value. */
  private static short quantise(float max, double v) {
    double q = Math.min(65535, Math.max(0, Math.round((max - v) * Q)));
    return (short) (int) q;
  }

  /** Indices of the k largest values of d[off..off+n), largest first. */
  static int[] topK(float[] d, int off, int n, int k) {
    int[] heap = new int[k];
    int size = 0;
    for (int c = 0; c < n; c++) {
      float v = d[off + c];
      if (size < k) {
        heap[size] = c;
        int i = size++;
        while (i > 0 && d[off + heap[(i - 1) / 2]] > d[off + heap[i]]) {
          int p = (i - 1) / 2;
          int tmp = heap[p];
          heap[p] = heap[i];
          heap[i] = tmp;
          i = p;
        }
      } else if (v > d[off + heap[0]]) {
        heap[0] = c;
        int i = 0;
        while (true) {
          int l = 2 * i + 1;
          int r = l + 1;
          int s = i;
          if (l < k && d[off + heap[l]] < d[off + heap[s]]) {
            s = l;
          }
          if (r < k && d[off + heap[r]] < d[off + heap[s]]) {
            s = r;
          }
          if (s == i) {
            break;
          }
          int tmp = heap[s];
          heap[s] = heap[i];
          heap[i] = tmp;
          i = s;
        }
      }
    }
    Integer[] idx = new Integer[size];
    for (int i = 0; i < size; i++) {
      idx[i] = heap[i];
    }
    java.util.Arrays.sort(idx, (a, b) -> Float.compare(d[off + b], d[off + a]));
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
