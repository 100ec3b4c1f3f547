package dev.jchat.core.account;

import dev.jchat.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts attempts per key (failed logins per username or address, registrations per address) in a
 * sliding window; a key with {@code maxAttempts} in the window is blocked until older ones fall out
 * of it. Thread-safe.
 */
public final class Throttle {
  private final Clock clock;
  private final int maxAttempts;
  private final Duration window;
  private final Map<String, ArrayDeque<Instant>> attempts = new HashMap<>();

  public Throttle(Clock clock, int maxAttempts, Duration window) {
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.window = window;
  }

  public synchronized boolean isBlocked(String key) {
    ArrayDeque<Instant> recent = prune(key);
    return recent != null && recent.size() >= maxAttempts;
  }

  public synchronized void record(String key) {
    ArrayDeque<Instant> recent = prune(key);
    if (recent == null) {
      recent = new ArrayDeque<>();
      attempts.put(key, recent);
    }
    recent.addLast(clock.now());
    if (attempts.size() > 10_000) {
      attempts.keySet().removeIf(k -> prune(k) == null);
    }
  }

  /** Drops attempts older than the window; forgets a key that has none left. */
  private ArrayDeque<Instant> prune(String key) {
    ArrayDeque<Instant> recent = attempts.get(key);
    if (recent == null) {
      return null;
    }
    Instant oldest = clock.now().minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
      recent.removeFirst();
    }
    if (recent.isEmpty()) {
      attempts.remove(key);
      return null;
    }
    return recent;
  }
}
