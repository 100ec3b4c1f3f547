package dev.jchat.core.port;

import java.time.Duration;
import java.time.Instant;

/** Time and timers, so that every time-dependent rule can be tested with a fake clock. */
public interface Clock {

  Instant now();

  /** Runs the task once after the delay, on a timer thread; the task must not block. */
  Timer schedule(Duration delay, Runnable task);

  interface Timer {
    void cancel();
  }
}
