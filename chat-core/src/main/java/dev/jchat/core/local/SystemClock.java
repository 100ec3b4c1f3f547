package dev.jchat.core.local;

import dev.jchat.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wall-clock time and one daemon timer thread. Timer tasks must be short and never block. */
public final class SystemClock implements Clock, AutoCloseable {
  private final ScheduledExecutorService timers;

  public SystemClock() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "chat-timers");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true); // many short timers are cancelled; don't keep them
    this.timers = executor;
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = timers.schedule(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        System.getLogger(SystemClock.class.getName()).log(System.Logger.Level.ERROR, "timer task failed", e);
      }
    }, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
