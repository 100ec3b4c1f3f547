package dev.jchat.core.port;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs a task on several threads released at the same moment, to make them race. */
final class StartingGate {
  private static final long WAIT_SECONDS = 10;

  private StartingGate() {
  }

  /** Runs {@code task} with each thread's number and waits until every thread has finished. */
  static void run(int threads, IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<Object>> running = IntStream.range(0, threads)
          .mapToObj(thread -> pool.submit(() -> {
            gate.await();
            task.accept(thread);
            return null;
          }))
          .toList();
      gate.countDown();
      for (Future<Object> thread : running) {
        thread.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
