package dev.jchat.core.local;

import dev.jchat.core.port.Clock;
import dev.jchat.core.port.SharedLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** The limits of one instance, in memory: what it counts is the deployment's when it stands alone. */
public final class LocalLimits implements SharedLimits {
  /** Past this many keys, those whose attempts or claim ran out are dropped. */
  private static final int PRUNE_ABOVE = 10_000;

  private final Clock clock;
  private final Map<String, Integer> places = new HashMap<>();
  private final Map<String, Attempts> attempts = new HashMap<>();
  private final Map<String, Instant> claimedUntil = new HashMap<>();

  /** The times of the attempts under one key, oldest first, within a window. */
  private record Attempts(Duration window, ArrayDeque<Instant> times) {
    Attempts(Duration window) {
      this(window, new ArrayDeque<>());
    }

    /** Drops the attempts older than the window before {@code now}; how many are left. */
    int countSince(Instant now) {
      Instant oldest = now.minus(window);
      while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
        times.removeFirst();
      }
      return times.size();
    }
  }

  public LocalLimits(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean acquire(String key, int cap) {
    int taken = places.getOrDefault(key, 0);
    if (taken >= cap) {
      return false;
    }
    places.put(key, taken + 1);
    return true;
  }

  @Override
  public synchronized void release(String key) {
    places.computeIfPresent(key, (k, taken) -> taken <= 1 ? null : taken - 1);
  }

  @Override
  public synchronized void record(String key, Duration window) {
    attempts.computeIfAbsent(key, k -> new Attempts(window)).times().addLast(clock.now());
    if (attempts.size() > PRUNE_ABOVE) {
      attempts.values().removeIf(recent -> recent.countSince(clock.now()) == 0);
    }
  }

  @Override
  public synchronized int attempts(String key, Duration window) {
    Attempts recent = attempts.get(key);
    return recent == null ? 0 : recent.countSince(clock.now());
  }

  @Override
  public synchronized boolean claim(String key, Duration window) {
    Instant now = clock.now();
    Instant until = claimedUntil.get(key);
    if (until != null && now.isBefore(until)) {
      return false;
    }
    claimedUntil.put(key, now.plus(window));
    if (claimedUntil.size() > PRUNE_ABOVE) {
      claimedUntil.values().removeIf(end -> !now.isBefore(end));
    }
    return true;
  }

  @Override
  public synchronized void clear(String key) {
    claimedUntil.remove(key);
  }
}
