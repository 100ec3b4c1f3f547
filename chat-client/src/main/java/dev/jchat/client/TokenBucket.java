package dev.jchat.client;

import java.util.function.LongSupplier;

/**
 * Paces the outbox below the server's send limit (PROTOCOL.md section 6), so a burst of queued sends
 * after a reconnect is not answered {@code rate_limited}.
 */
final class TokenBucket {
  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long updated;

  TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.updated = nanoTime.getAsLong();
  }

  /** Takes a token and returns 0, or returns how many nanoseconds until one is there. */
  long take() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - updated) * perNano);
    updated = now;
    if (tokens >= 1) {
      tokens--;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano);
  }
}
