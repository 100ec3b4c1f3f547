package dev.jchat.core.chat;

import dev.jchat.core.chat.ChatSettings.Limits;
import dev.jchat.core.port.Clock;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * One connection's rate limits (PROTOCOL.md section 6): a token bucket each for frames, sends and
 * typing, and the count of {@code rate_limited} answers that, past its allowance, closes the
 * connection. Called from the connection's receive thread only.
 */
final class SessionLimits {
  private final Clock clock;
  private final TokenBucket frames;
  private final TokenBucket sends;
  private final TokenBucket typing;
  private final int maxRefusedPerMinute;
  private final ArrayDeque<Instant> refusals = new ArrayDeque<>();

  SessionLimits(Limits limits, Clock clock) {
    this.clock = clock;
    this.frames = new TokenBucket(limits.frames(), clock);
    this.sends = new TokenBucket(limits.sends(), clock);
    this.typing = new TokenBucket(limits.typing(), clock);
    this.maxRefusedPerMinute = limits.maxRefusedPerMinute();
  }

  boolean takeFrame() {
    return frames.tryTake();
  }

  boolean takeSend() {
    return sends.tryTake();
  }

  boolean takeTyping() {
    return typing.tryTake();
  }

  /** Counts a rate_limited answer; true when the connection passed the per-minute allowance. */
  boolean refusedTooOften() {
    Instant now = clock.now();
    refusals.addLast(now);
    while (!refusals.isEmpty() && refusals.peekFirst().isBefore(now.minusSeconds(60))) {
      refusals.removeFirst();
    }
    return refusals.size() > maxRefusedPerMinute;
  }
}
