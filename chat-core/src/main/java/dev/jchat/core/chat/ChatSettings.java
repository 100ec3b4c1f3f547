package dev.jchat.core.chat;

import java.time.Duration;

/**
 * The limits and timings of PROTOCOL.md, and the fan-out's write interval; {@link #defaults()} are the
 * protocol's numbers.
 */
public record ChatSettings(
    Duration authTimeout,
    Duration idleTimeout,
    Duration pingInterval,
    Duration sweepInterval,
    int maxConnectionsPerUser,
    int outboxMaxFrames,
    long outboxMaxChars,
    Duration slowConsumerGrace,
    RateLimit sendRate,
    RateLimit typingRate,
    RateLimit frameRate,
    int maxRateLimitedPerMinute,
    Duration typingThrottle,
    Duration typingTimeout,
    Duration writeInterval) {

  /** A token bucket: refills {@code perSecond}, holds at most {@code burst}. */
  public record RateLimit(double perSecond, int burst) {
    public RateLimit {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("a rate limit needs a positive rate and burst");
      }
    }
  }

  public static ChatSettings defaults() {
    return new ChatSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(25),
        Duration.ofSeconds(5),
        20,
        1000,
        1024 * 1024,
        Duration.ofSeconds(1),
        new RateLimit(10, 20),
        new RateLimit(5, 5),
        new RateLimit(50, 50),
        100,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofMillis(10));
  }

  public ChatSettings withTimeouts(Duration authTimeout, Duration idleTimeout, Duration pingInterval,
                                   Duration sweepInterval) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        outboxMaxFrames, outboxMaxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout, writeInterval);
  }

  public ChatSettings withOutbox(int maxFrames, long maxChars) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        maxFrames, maxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout, writeInterval);
  }

  public ChatSettings withRates(RateLimit sendRate, RateLimit typingRate, RateLimit frameRate) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        outboxMaxFrames, outboxMaxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout, writeInterval);
  }

  public ChatSettings withTyping(Duration typingThrottle, Duration typingTimeout) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        outboxMaxFrames, outboxMaxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout, writeInterval);
  }

  /**
   * The shortest time between two fan-out writes to one connection: room events that come sooner wait
   * and share the next write. Zero writes at once; a connection not written lately is always written at once.
   */
  public ChatSettings withWriteInterval(Duration writeInterval) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        outboxMaxFrames, outboxMaxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout, writeInterval);
  }
}
