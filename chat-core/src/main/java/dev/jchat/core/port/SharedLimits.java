package dev.jchat.core.port;

import java.time.Duration;

/**
 * The counts behind the limits that hold for the whole deployment, not per instance (PROTOCOL.md
 * section 7): places (a user's connections), attempts in a sliding window (failed logins), and claims
 * that only one caller gets per window (the typing throttle). Keys are the caller's; one key serves one
 * kind of count. In-process implementation for one instance, Redis for many. Thread-safe.
 */
public interface SharedLimits {

  /**
   * Takes one of {@code cap} places under the key; false, taking nothing, when all are taken. The
   * places of an instance that stops without giving them back are freed by themselves.
   */
  boolean acquire(String key, int cap);

  /** Gives back a place this instance took under the key. */
  void release(String key);

  /** Counts an attempt under the key, now. */
  void record(String key, Duration window);

  /** The attempts under the key within the last {@code window}. */
  int attempts(String key, Duration window);

  /**
   * True for the first caller under the key, who holds it for {@code window}; false for every other
   * until then or until {@link #clear}.
   */
  boolean claim(String key, Duration window);

  /** Ends the claim under the key, if any. */
  void clear(String key);
}
