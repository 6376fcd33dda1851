package org.asrdistill.acoustic.frames;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Shuffled minibatches of spliced frames from a {@link FrameStore}: the frames of the given utterances in a
 * random order drawn from (seed, epoch) (Fisher-Yates), each expanded to a window of {@code left + 1 + right}
 * frames of its own utterance (edges repeated, as Kaldi's splice-feats), assembled by a background thread into
 * rotating buffers ({@link #next()} returns a batch while the next ones are being filled). The same seed and
 * epoch always give the same batches. Close it to stop the thread.
 */
public final class Minibatches implements AutoCloseable {
  /** A batch: {@code n} rows of spliced features ({@code n x inputDim}, row-major) and their targets. */
  public static final class Batch {
    public final float[] features;
    public final int[] labels;
    /** The store's (global) frame index of each row. */
    public final int[] frames;
    public int n;

    Batch(int size, int inputDim) {
      features = new float[size * inputDim];
      labels = new int[size];
      frames = new int[size];
    }
  }

  private static final Batch END = new Batch(0, 0);
  private final FrameStore store;
  private final int left;
  private final int right;
  private final int batchSize;
  private final int[] order;
  private final int[] uttOf;
  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(3);
  private final BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(3);
  private final Thread producer;
  private volatile Throwable failure;
  private final long numBatches;

  /**
   * @param skipBatches batches of this epoch to skip (they are neither assembled nor returned); for resumption
   */
  public Minibatches(FrameStore store, List<FrameStore.Utt> utts, int left, int right, int batchSize, long seed,
      int epoch, boolean shuffle, long skipBatches) {
    if (left < 0 || right < 0 || batchSize < 1) {
      throw new IllegalArgumentException("need left, right >= 0 and batchSize >= 1; got: " + left + ", " + right
          + ", " + batchSize);
    }
    this.store = store;
    this.left = left;
    this.right = right;
    this.batchSize = batchSize;
    long total = 0;
    for (FrameStore.Utt u : utts) {
      total += u.frames();
    }
    order = new int[(int) total];
    uttOf = new int[(int) total];
    int k = 0;
    for (int ui = 0; ui < utts.size(); ui++) {
      FrameStore.Utt u = utts.get(ui);
      for (int t = 0; t < u.frames(); t++) {
        order[k] = (int) (u.first() + t);
        uttOf[k] = ui;
        k++;
      }
    }
    int[][] bounds = new int[utts.size()][];
    for (int ui = 0; ui < utts.size(); ui++) {
      bounds[ui] = new int[] {(int) utts.get(ui).first(), (int) (utts.get(ui).first() + utts.get(ui).frames() - 1)};
    }
    int[] lo = new int[order.length];
    int[] hi = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      lo[i] = bounds[uttOf[i]][0];
      hi[i] = bounds[uttOf[i]][1];
    }
    if (shuffle) {
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + epoch);
      for (int i = order.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        t = lo[i];
        lo[i] = lo[j];
        lo[j] = t;
        t = hi[i];
        hi[i] = hi[j];
        hi[j] = t;
      }
    }
    numBatches = (order.length + batchSize - 1) / batchSize;
    int inputDim = store.dim() * (left + 1 + right);
    for (int i = 0; i < 3; i++) {
      empty.add(new Batch(batchSize, inputDim));
    }
    producer = new Thread(() -> produce(lo, hi, skipBatches), "minibatch-prefetch");
    producer.setDaemon(true);
    producer.start();
  }

  public long numBatches() {
    return numBatches;
  }

  public long numFrames() {
    return order.length;
  }

  private void produce(int[] lo, int[] hi, long skip) {
    int dim = store.dim();
    int win = left + 1 + right;
    try {
      for (long bi = skip; bi < numBatches; bi++) {
        Batch b = empty.take();
        int start = (int) (bi * batchSize);
        int n = Math.min(batchSize, order.length - start);
        for (int i = 0; i < n; i++) {
          int g = order[start + i];
          b.labels[i] = store.target(g);
          b.frames[i] = g;
          int base = i * win * dim;
          for (int k = -left; k <= right; k++) {
            int f = Math.min(hi[start + i], Math.max(lo[start + i], g + k));
            store.copyFrame(f, b.features, base + (k + left) * dim);
          }
        }
        b.n = n;
        full.put(b);
      }
      full.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      failure = e;
      full.offer(END);
    }
  }

  /** The next batch, or null at the end of the epoch. Give it back with {@link #recycle} when done. */
  public Batch next() throws InterruptedException {
    Batch b = full.take();
    if (b == END) {
      if (failure != null) {
        throw new IllegalStateException("minibatch assembly failed: " + failure, failure);
      }
      full.put(END);
      return null;
    }
    return b;
  }

  public void recycle(Batch b) {
    empty.offer(b);
  }

  @Override
  public void close() {
    producer.interrupt();
  }
}
