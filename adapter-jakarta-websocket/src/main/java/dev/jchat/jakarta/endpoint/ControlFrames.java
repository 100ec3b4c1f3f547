package dev.jchat.jakarta.endpoint;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends pings and closes off the caller's thread. Jakarta WebSocket offers only blocking calls for
 * both (a ping or close waits behind a text frame that a slow client does not read), and the core
 * calls them from its timer thread, which must never wait on a socket. A few threads and a bounded
 * queue: a ping that finds no room is dropped (the idle timeout covers a lost ping), a close that
 * finds no room runs on the caller's thread rather than be lost.
 */
public final class ControlFrames implements AutoCloseable {
  private static final int THREADS = 4;
  private static final int QUEUE = 10_000;

  private final ThreadPoolExecutor executor;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  public ControlFrames() {
    AtomicInteger count = new AtomicInteger();
    executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
        runnable -> {
          Thread thread = new Thread(() -> {
            try {
              runnable.run();
            } finally {
              threads.remove(Thread.currentThread());
            }
          }, "chat-control-frames-" + count.incrementAndGet());
          thread.setDaemon(true);
          threads.add(thread);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
  }

  /** Runs a ping later, or never when the queue is full. */
  void ping(Runnable send) {
    try {
      executor.execute(send);
    } catch (RejectedExecutionException e) {
      // dropped: the idle timeout handles a peer that never hears from us
    }
  }

  /** Runs a close later, or now when the queue is full or shut. */
  void close(Runnable send) {
    try {
      executor.execute(send);
    } catch (RejectedExecutionException e) {
      send.run();
    }
  }

  /**
   * Lets queued closes finish for up to the given time and waits for the threads to end, so that a
   * servlet container that stops the application finds none of them left.
   */
  public void drain(long millis) {
    executor.shutdown();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
      for (Thread thread : threads) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    drain(2_000);
  }
}
