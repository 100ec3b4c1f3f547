package dev.jchat.core.chat;

import dev.jchat.core.chat.ChatSettings.RateLimit;
import dev.jchat.core.port.Clock;
import java.time.Duration;
import java.time.Instant;

/** A token bucket that refills continuously with the clock's time. Not thread-safe. */
final class TokenBucket {
  private final RateLimit limit;
  private final Clock clock;
  private double tokens;
  private Instant refilledAt;

  TokenBucket(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
    this.tokens = limit.burst();
    this.refilledAt = clock.now();
  }

  /** Takes one token; false when the bucket is empty. */
  boolean tryTake() {
    Instant now = clock.now();
    double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
    tokens = Math.min(limit.burst(), tokens + elapsed * limit.perSecond());
    refilledAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
