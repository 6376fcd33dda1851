package org.asrdistill.acoustic.gmm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;

/**
 * The accumulation loop of Kaldi's {@code *-acc-*-ali} tools: features read in order, each utterance's
 * alignment looked up by key; utterances without an alignment or with one of the wrong length are skipped
 * with a warning naming them. With several threads, utterance i goes to worker i mod n, each worker has its
 * own accumulator, and the accumulators are returned in worker order (so results do not depend on timing).
 */
public final class AlignedUtterances {
  private AlignedUtterances() {
  }

  /** Accumulates one utterance into an accumulator. */
  @FunctionalInterface
  public interface Work<A> {
    void accept(A acc, String key, FloatMatrix feats, int[] alignment);
  }

  /** Counts of a run, with one accumulator per worker. */
  public record Summary<A>(List<A> accumulators, int done, int noAlignment, int otherErrors) {
  }

  private record Item(String key, FloatMatrix feats, int[] ali) {
  }

  private static final Item END = new Item(null, null, null);

  public static <A> Summary<A> run(SequentialTableReader<FloatMatrix> feats, RandomAccessTableReader<int[]> alis,
      int numThreads, Supplier<A> newAccumulator, Work<A> work, Consumer<String> warn) throws IOException {
    if (numThreads < 1) {
      throw new IllegalArgumentException("numThreads must be >= 1; got: " + numThreads);
    }
    List<A> accs = new ArrayList<>();
    for (int i = 0; i < numThreads; i++) {
      accs.add(newAccumulator.get());
    }
    List<BlockingQueue<Item>> queues = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    RuntimeException[] failure = new RuntimeException[1];
    if (numThreads > 1) {
      for (int i = 0; i < numThreads; i++) {
        BlockingQueue<Item> q = new ArrayBlockingQueue<>(4);
        A acc = accs.get(i);
        queues.add(q);
        Thread th = new Thread(() -> {
          try {
            for (Item it = q.take(); it != END; it = q.take()) {
              try {
                work.accept(acc, it.key, it.feats, it.ali);
              } catch (RuntimeException e) {
                synchronized (failure) {
                  if (failure[0] == null) {
                    failure[0] = new IllegalStateException("utterance " + it.key + ": " + e.getMessage(), e);
                  }
                }
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "acc-" + i);
        th.setDaemon(true);
        th.start();
        threads.add(th);
      }
    }
    int done = 0;
    int noAli = 0;
    int other = 0;
    try {
      while (feats.next()) {
        String key = feats.key();
        if (!alis.hasKey(key)) {
          warn.accept("No alignment for utterance " + key);
          noAli++;
          continue;
        }
        FloatMatrix m = feats.value();
        int[] ali = alis.value(key);
        if (ali.length != m.rows()) {
          warn.accept("Alignment for utterance " + key + " has wrong size " + ali.length + " vs. " + m.rows());
          other++;
          continue;
        }
        if (numThreads == 1) {
          work.accept(accs.get(0), key, m, ali);
        } else {
          put(queues.get(done % numThreads), new Item(key, m, ali));
        }
        done++;
      }
    } finally {
      for (BlockingQueue<Item> q : queues) {
        put(q, END);
      }
      for (Thread th : threads) {
        try {
          th.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for accumulation threads", e);
        }
      }
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return new Summary<>(accs, done, noAli, other);
  }

  private static void put(BlockingQueue<Item> q, Item it) throws IOException {
    try {
      q.put(it);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
