package dev.jchat.core.account;

import dev.jchat.core.port.SharedLimits;
import java.time.Duration;

/**
 * Counts attempts per key (failed logins per username or address, registrations per address) in a
 * sliding window, in the deployment's {@link SharedLimits}; a key with {@code maxAttempts} in the
 * window is blocked until older ones fall out of it. {@code name} keeps the keys of two throttles apart.
 * Thread-safe.
 */
public final class Throttle {
  private final SharedLimits limits;
  private final String name;
  private final int maxAttempts;
  private final Duration window;

  public Throttle(SharedLimits limits, String name, int maxAttempts, Duration window) {
    this.limits = limits;
    this.name = name;
    this.maxAttempts = maxAttempts;
    this.window = window;
  }

  public boolean isBlocked(String key) {
    return limits.attempts(name + ":" + key, window) >= maxAttempts;
  }

  public void record(String key) {
    limits.record(name + ":" + key, window);
  }
}
