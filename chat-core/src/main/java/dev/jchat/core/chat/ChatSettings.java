package dev.jchat.core.chat;

import java.time.Duration;

/**
 * The limits and timings of PROTOCOL.md, grouped by what they govern, and the fan-out's write
 * interval. {@link #defaults()} holds the protocol's numbers, the one place they are written; a
 * {@link #builder()} starts from them and replaces a group at a time.
 */
public record ChatSettings(Timeouts timeouts, Limits limits, OutboxBounds outbox, TypingRules typing,
                           Duration writeInterval) {

  /** How long a connection may stay unauthenticated or silent, and how often it is looked at. */
  public record Timeouts(Duration auth, Duration idle, Duration pingInterval, Duration sweepInterval,
                         Duration slowConsumerGrace) {
  }

  /**
   * Per connection: token buckets for requests, and how many {@code rate_limited} answers in a
   * minute close it; per user: how many connections at once.
   */
  public record Limits(RateLimit sends, RateLimit typing, RateLimit frames, int maxRefusedPerMinute,
                       int maxConnectionsPerUser) {
  }

  /** A token bucket: refills {@code perSecond}, holds at most {@code burst}. */
  public record RateLimit(double perSecond, int burst) {
    public RateLimit {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("a rate limit needs a positive rate and burst");
      }
    }
  }

  /** A connection whose unsent frames pass either bound is dropped (4429); bytes count UTF-8. */
  public record OutboxBounds(int maxFrames, long maxBytes) {
    public OutboxBounds {
      if (maxFrames < 1 || maxBytes < 1) {
        throw new IllegalArgumentException("outbox bounds must be positive");
      }
    }
  }

  /** A typing start is forwarded at most once per {@code throttle}; it stops by itself after {@code timeout}. */
  public record TypingRules(Duration throttle, Duration timeout) {
  }

  public static ChatSettings defaults() {
    return new ChatSettings(
        new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(25), Duration.ofSeconds(5),
            Duration.ofSeconds(1)),
        new Limits(new RateLimit(10, 20), new RateLimit(5, 5), new RateLimit(50, 50), 100, 20),
        new OutboxBounds(1000, 1024 * 1024),
        new TypingRules(Duration.ofSeconds(2), Duration.ofSeconds(5)),
        Duration.ofMillis(10));
  }

  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Settings from the defaults, a group at a time. */
  public static final class Builder {
    private Timeouts timeouts;
    private Limits limits;
    private OutboxBounds outbox;
    private TypingRules typing;
    private Duration writeInterval;

    private Builder(ChatSettings start) {
      timeouts = start.timeouts();
      limits = start.limits();
      outbox = start.outbox();
      typing = start.typing();
      writeInterval = start.writeInterval();
    }

    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = timeouts;
      return this;
    }

    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    public Builder outbox(OutboxBounds outbox) {
      this.outbox = outbox;
      return this;
    }

    public Builder typing(TypingRules typing) {
      this.typing = typing;
      return this;
    }

    /**
     * The shortest time between two fan-out writes to one connection: room events that come sooner
     * wait and share the next write. Zero writes at once; a connection not written lately is always
     * written at once.
     */
    public Builder writeInterval(Duration writeInterval) {
      this.writeInterval = writeInterval;
      return this;
    }

    public ChatSettings build() {
      return new ChatSettings(timeouts, limits, outbox, typing, writeInterval);
    }
  }
}
