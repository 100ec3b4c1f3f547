package dev.jchat.core.account;

import dev.jchat.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed logins per key (a username or a client address) in a sliding window; a key with
 * {@code maxFailures} in the window is blocked until older failures fall out of it. Thread-safe.
 */
public final class LoginThrottle {
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, ArrayDeque<Instant>> failures = new HashMap<>();

  public LoginThrottle(Clock clock, int maxFailures, Duration window) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  public synchronized boolean isBlocked(String key) {
    ArrayDeque<Instant> recent = prune(key);
    return recent != null && recent.size() >= maxFailures;
  }

  public synchronized void recordFailure(String key) {
    ArrayDeque<Instant> recent = prune(key);
    if (recent == null) {
      recent = new ArrayDeque<>();
      failures.put(key, recent);
    }
    recent.addLast(clock.now());
    if (failures.size() > 10_000) {
      failures.keySet().removeIf(k -> prune(k) == null);
    }
  }

  /** Drops failures older than the window; forgets a key that has none left. */
  private ArrayDeque<Instant> prune(String key) {
    ArrayDeque<Instant> recent = failures.get(key);
    if (recent == null) {
      return null;
    }
    Instant oldest = clock.now().minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
      recent.removeFirst();
    }
    if (recent.isEmpty()) {
      failures.remove(key);
      return null;
    }
    return recent;
  }
}
