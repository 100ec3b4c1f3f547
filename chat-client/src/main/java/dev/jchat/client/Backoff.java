package dev.jchat.client;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the n-th wait is drawn uniformly from 0 to
 * min(cap, first × 2^n), so clients cut off together do not come back together. A connection that
 * lasted {@code stableAfter} starts the next failure from the first wait again.
 */
final class Backoff {
  private final Duration first;
  private final Duration cap;
  private final Duration stableAfter;
  /** A uniform draw from 0 to the bound, inclusive (a parameter, so tests can draw the bound itself). */
  private final LongUnaryOperator draw;
  private int attempts;
  private long connectedAt;
  private boolean connected;

  Backoff(Duration first, Duration cap, Duration stableAfter, LongUnaryOperator draw) {
    this.first = first;
    this.cap = cap;
    this.stableAfter = stableAfter;
    this.draw = draw;
  }

  /** A connection was made at this time (nanoseconds, as {@link System#nanoTime}). */
  void connected(long now) {
    connected = true;
    connectedAt = now;
  }

  /** How long to wait before the next attempt, the connection having failed at this time. */
  Duration next(long now) {
    if (connected && now - connectedAt >= stableAfter.toNanos()) {
      attempts = 0;
    }
    connected = false;
    long bound = Math.min(cap.toMillis(), first.toMillis() << Math.min(attempts, 30));
    attempts++;
    return Duration.ofMillis(draw.applyAsLong(bound));
  }
}
