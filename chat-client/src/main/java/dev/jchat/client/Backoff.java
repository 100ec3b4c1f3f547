package dev.jchat.client;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the n-th wait is drawn uniformly from 0 to
 * min(cap, first × 2^n), so clients cut off together do not come back together.
 */
final class Backoff {
  private final Duration first;
  private final Duration cap;
  /** A uniform draw from 0 to the bound, inclusive (a parameter, so tests can draw the bound itself). */
  private final LongUnaryOperator draw;
  private int attempts;

  Backoff(Duration first, Duration cap, LongUnaryOperator draw) {
    this.first = first;
    this.cap = cap;
    this.draw = draw;
  }

  Duration next() {
    long bound = Math.min(cap.toMillis(), first.toMillis() << Math.min(attempts, 30));
    attempts++;
    return Duration.ofMillis(draw.applyAsLong(bound));
  }

  /** After a stable connection the next failure starts from the first wait again. */
  void reset() {
    attempts = 0;
  }
}
