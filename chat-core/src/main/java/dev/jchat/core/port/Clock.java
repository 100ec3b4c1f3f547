package dev.jchat.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and timers, so that every time-dependent rule can be tested with a fake clock. The core reads
 * time through this port alone.
 */
public interface Clock {

  Instant now();

  /** A monotonic reading in nanoseconds, for measuring intervals; only differences mean anything. */
  long nanoTime();

  /** Runs the task once after the delay, on a timer thread; the task must not block. */
  Timer schedule(Duration delay, Runnable task);

  interface Timer {
    void cancel();
  }
}
