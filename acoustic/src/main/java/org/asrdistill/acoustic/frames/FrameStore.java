package org.asrdistill.acoustic.frames;

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
import java.util.Collections;
import java.util.List;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.matrix.FloatMatrix;

/**
 * A frame store file: every training frame's features (float32, row-major) and pdf target (int32), with an
 * utterance index (key, speaker, first frame, frame count), read through memory-mapped windows (files may exceed
 * 2 GB). Layout (little-endian): a 64-byte header {@code "ASRDFST1"}, version, dim, numPdfs, numUtts, numFrames,
 * offsets of the targets and of the index; the frames from byte 64; the targets; the index. Written to a
 * temporary name and renamed when complete; the header is checked on open.
 */
public final class FrameStore implements AutoCloseable {
  static final byte[] MAGIC = "ASRDFST1".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int HEADER = 64;
  private static final long WINDOW = 1L << 30;

  /** One utterance of the store. */
  public record Utt(String key, String speaker, long first, int frames) {
  }

  private final Path file;
  private final int dim;
  private final int numPdfs;
  private final long numFrames;
  private final List<Utt> utts;
  private final FileChannel ch;
  private final java.nio.FloatBuffer[] windows;
  private final long rowsPerWindow;
  private final int[] targets;

  private FrameStore(Path file) throws IOException {
    this.file = file;
    ch = FileChannel.open(file, StandardOpenOption.READ);
    long size = ch.size();
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    if (size < HEADER || ch.read(h, 0) != HEADER) {
      throw new KaldiFormatException(file.toString(), null, 0, "too short for a frame store header");
    }
    h.flip();
    byte[] magic = new byte[8];
    h.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new KaldiFormatException(file.toString(), null, 0, "not a frame store (bad magic)");
    }
    int version = h.getInt();
    if (version != VERSION) {
      throw new KaldiFormatException(file.toString(), null, 8, "unsupported frame store version " + version);
    }
    dim = h.getInt();
    numPdfs = h.getInt();
    int numUtts = h.getInt();
    numFrames = h.getLong();
    long targetsAt = h.getLong();
    long indexAt = h.getLong();
    if (dim <= 0 || numPdfs <= 0 || numUtts < 0 || numFrames < 0 || numFrames > Integer.MAX_VALUE
        || targetsAt != HEADER + numFrames * dim * 4L || indexAt != targetsAt + numFrames * 4L || indexAt > size) {
      throw new KaldiFormatException(file.toString(), null, 12, "inconsistent header (dim " + dim + ", frames "
          + numFrames + ", file size " + size + ")");
    }
    ByteBuffer idx = ByteBuffer.allocate((int) (size - indexAt)).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(idx, indexAt);
    idx.flip();
    List<Utt> list = new ArrayList<>(numUtts);
    long expect = 0;
    for (int i = 0; i < numUtts; i++) {
      long at = indexAt + idx.position();
      try {
        String key = readString(idx);
        String spk = readString(idx);
        long first = idx.getLong();
        int n = idx.getInt();
        if (first != expect || n < 0 || first + n > numFrames) {
          throw new KaldiFormatException(file.toString(), key, at, "bad index entry (first " + first + ", frames " + n
              + ")");
        }
        expect += n;
        list.add(new Utt(key, spk, first, n));
      } catch (java.nio.BufferUnderflowException e) {
        throw new KaldiFormatException(file.toString(), null, at, "truncated utterance index");
      }
    }
    if (expect != numFrames) {
      throw new KaldiFormatException(file.toString(), null, indexAt, "index covers " + expect + " of " + numFrames
          + " frames");
    }
    utts = Collections.unmodifiableList(list);
    rowsPerWindow = Math.max(1, WINDOW / (dim * 4L));
    int nw = (int) ((numFrames + rowsPerWindow - 1) / rowsPerWindow);
    windows = new java.nio.FloatBuffer[nw];
    for (int w = 0; w < nw; w++) {
      long r0 = w * rowsPerWindow;
      long rows = Math.min(rowsPerWindow, numFrames - r0);
      MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, HEADER + r0 * dim * 4L, rows * dim * 4L);
      windows[w] = m.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }
    targets = new int[(int) numFrames];
    ByteBuffer tb = ch.map(FileChannel.MapMode.READ_ONLY, targetsAt, numFrames * 4L).order(ByteOrder.LITTLE_ENDIAN);
    tb.asIntBuffer().get(targets);
    for (int i = 0; i < targets.length; i++) {
      if (targets[i] < 0 || targets[i] >= numPdfs) {
        throw new KaldiFormatException(file.toString(), null, targetsAt + 4L * i, "target " + targets[i]
            + " of frame " + i + " is outside [0, " + numPdfs + ")");
      }
    }
  }

  private static String readString(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) {
      throw new java.nio.BufferUnderflowException();
    }
    byte[] s = new byte[n];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  public static FrameStore open(Path file) throws IOException {
    return new FrameStore(file);
  }

  public Path file() {
    return file;
  }

  public int dim() {
    return dim;
  }

  public int numPdfs() {
    return numPdfs;
  }

  public long numFrames() {
    return numFrames;
  }

  public List<Utt> utts() {
    return utts;
  }

  /** The pdf target of global frame {@code f}. */
  public int target(long f) {
    return targets[(int) f];
  }

  /** Copies the features of global frame {@code f} into {@code dst} at {@code off}. */
  public void copyFrame(long f, float[] dst, int off) {
    int w = (int) (f / rowsPerWindow);
    int pos = (int) ((f - w * rowsPerWindow) * dim);
    windows[w].get(pos, dst, off, dim);
  }

  /** The features of one utterance as a matrix (a copy). */
  public FloatMatrix features(Utt u) {
    float[] d = new float[u.frames() * dim];
    for (int t = 0; t < u.frames(); t++) {
      copyFrame(u.first() + t, d, t * dim);
    }
    return new FloatMatrix(u.frames(), dim, d);
  }

  /** Pdf counts over the given utterances (for priors). */
  public long[] pdfCounts(List<Utt> which) {
    long[] c = new long[numPdfs];
    for (Utt u : which) {
      for (int t = 0; t < u.frames(); t++) {
        c[targets[(int) (u.first() + t)]]++;
      }
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }

  /** Streams utterances into a new store. */
  public static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final int dim;
    private final int numPdfs;
    private final FileChannel out;
    private final List<Utt> utts = new ArrayList<>();
    private int[] targets = new int[1 << 16];
    private long frames;
    private boolean committed;

    public Writer(Path target, int dim, int numPdfs) throws IOException {
      if (dim <= 0 || numPdfs <= 0) {
        throw new IllegalArgumentException("dim and numPdfs must be > 0; got: " + dim + ", " + numPdfs);
      }
      this.target = target;
      this.tmp = target.resolveSibling(target.getFileName() + ".tmp");
      this.dim = dim;
      this.numPdfs = numPdfs;
      out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      out.position(HEADER);
    }

    public void add(String key, String speaker, FloatMatrix feats, int[] pdfs) throws IOException {
      if (feats.cols() != dim) {
        throw new IllegalArgumentException("utterance " + key + ": features have dimension " + feats.cols()
            + ", the store " + dim);
      }
      if (pdfs.length != feats.rows()) {
        throw new IllegalArgumentException("utterance " + key + ": " + feats.rows() + " frames but " + pdfs.length
            + " targets");
      }
      for (int i = 0; i < pdfs.length; i++) {
        if (pdfs[i] < 0 || pdfs[i] >= numPdfs) {
          throw new IllegalArgumentException("utterance " + key + ": target " + pdfs[i] + " at frame " + i
              + " is outside [0, " + numPdfs + ")");
        }
      }
      float[] d = feats.data();
      for (int i = 0; i < feats.rows() * dim; i++) {
        if (!Float.isFinite(d[i])) {
          throw new IllegalArgumentException("utterance " + key + ": non-finite feature at frame " + i / dim
              + ", dimension " + i % dim);
        }
      }
      ByteBuffer b = ByteBuffer.allocate(feats.rows() * dim * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(d, 0, feats.rows() * dim);
      while (b.hasRemaining()) {
        out.write(b);
      }
      while (frames + pdfs.length > targets.length) {
        targets = java.util.Arrays.copyOf(targets, targets.length * 2);
      }
      System.arraycopy(pdfs, 0, targets, (int) frames, pdfs.length);
      utts.add(new Utt(key, speaker, frames, pdfs.length));
      frames += pdfs.length;
      if (frames > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("a frame store holds at most 2^31-1 frames");
      }
    }

    public long frames() {
      return frames;
    }

    /** Writes targets, index and header, and renames the file into place. */
    public void commit() throws IOException {
      long targetsAt = HEADER + frames * dim * 4L;
      ByteBuffer tb = ByteBuffer.allocate((int) frames * 4).order(ByteOrder.LITTLE_ENDIAN);
      tb.asIntBuffer().put(targets, 0, (int) frames);
      out.position(targetsAt);
      while (tb.hasRemaining()) {
        out.write(tb);
      }
      long indexAt = targetsAt + frames * 4L;
      java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
      ByteBuffer rec = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      for (Utt u : utts) {
        writeString(bos, u.key());
        writeString(bos, u.speaker());
        rec.clear();
        rec.putLong(u.first()).putInt(u.frames());
        bos.write(rec.array(), 0, 12);
      }
      out.write(ByteBuffer.wrap(bos.toByteArray()), indexAt);
      ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      h.put(MAGIC).putInt(VERSION).putInt(dim).putInt(numPdfs).putInt(utts.size()).putLong(frames).putLong(targetsAt)
          .putLong(indexAt);
      h.position(0);
      out.write(h, 0);
      out.force(false);
      out.close();
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    }

    private static void writeString(java.io.ByteArrayOutputStream bos, String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      ByteBuffer n = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length);
      bos.write(n.array(), 0, 4);
      bos.write(b, 0, b.length);
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        out.close();
        Files.deleteIfExists(tmp);
      }
    }
  }

}
