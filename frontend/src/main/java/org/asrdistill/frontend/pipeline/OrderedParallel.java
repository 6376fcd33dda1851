package org.asrdistill.frontend.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Maps items to results on {@code threads} worker threads and hands the results to a sink in input order.
 * Items are pulled by the calling thread (table readers are single-threaded), at most {@code 2 x threads}
 * are in flight, so memory stays bounded. With one thread everything runs on the calling thread. The first
 * failure (of the source, a task or the sink) stops the run and is rethrown.
 *
 * @param <I> item type
 * @param <O> result type
 */
public final class OrderedParallel<I, O> {
  /** Supplies items; returns null at the end. */
  public interface Source<I> {
    I next() throws IOException;
  }

  /** Work on one item (runs on a worker thread). */
  public interface Task<I, O> {
    O apply(I item) throws Exception;
  }

  /** Receives results in input order (on the calling thread). */
  public interface Sink<O> {
    void accept(O result) throws IOException;
  }

  private OrderedParallel() {
  }

  /** Runs the pipeline to completion. */
  public static <I, O> void run(int threads, Source<I> source, Task<I, O> task, Sink<O> sink) throws Exception {
    if (threads < 1) {
      throw new IllegalArgumentException("num-threads must be >= 1; got: " + threads);
    }
    if (threads == 1) {
      for (I item = source.next(); item != null; item = source.next()) {
        sink.accept(task.apply(item));
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ordered-parallel");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<O>> inFlight = new ArrayDeque<>();
    try {
      for (I item = source.next(); item != null; item = source.next()) {
        final I it = item;
        inFlight.add(pool.submit(() -> task.apply(it)));
        if (inFlight.size() >= 2 * threads) {
          sink.accept(take(inFlight.poll()));
        }
      }
      while (!inFlight.isEmpty()) {
        sink.accept(take(inFlight.poll()));
      }
    } finally {
      for (Future<O> f : inFlight) {
        f.cancel(true);
      }
      pool.shutdownNow();
    }
  }

  private static <O> O take(Future<O> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof Exception) {
        throw (Exception) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw e;
    }
  }
}
