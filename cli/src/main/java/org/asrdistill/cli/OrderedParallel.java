package org.asrdistill.cli;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs per-utterance jobs on {@code threads} threads and hands their results to a sink in submission
 * order (so archives come out in input order), keeping at most 2 x threads jobs in flight.
 */
final class OrderedParallel<O> implements AutoCloseable {
  interface Sink<O> {
    void accept(O result) throws Exception;
  }

  private final ExecutorService pool;
  private final int threads;
  private final Sink<O> sink;
  private final ArrayDeque<Future<O>> pending = new ArrayDeque<>();

  OrderedParallel(int threads, Sink<O> sink) {
    if (threads < 1) {
      throw new IllegalArgumentException("num-threads must be >= 1; got: " + threads);
    }
    this.threads = threads;
    this.sink = sink;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "decode");
      t.setDaemon(true);
      return t;
    });
  }

  void submit(Callable<O> job) throws Exception {
    if (pool == null) {
      sink.accept(job.call());
      return;
    }
    pending.add(pool.submit(job));
    while (pending.size() > 2 * threads) {
      drainOne();
    }
  }

  void finish() throws Exception {
    while (!pending.isEmpty()) {
      drainOne();
    }
  }

  private void drainOne() throws Exception {
    try {
      sink.accept(pending.poll().get());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
