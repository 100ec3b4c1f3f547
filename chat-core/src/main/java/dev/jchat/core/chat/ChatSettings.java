package dev.jchat.core.chat;

import java.time.Duration;

/** The limits and timings of PROTOCOL.md; {@link #defaults()} are the protocol's numbers. */
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
    Duration typingTimeout) {

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
        Duration.ofSeconds(5));
  }

  public ChatSettings withTimeouts(Duration authTimeout, Duration idleTimeout, Duration pingInterval,
                                   Duration sweepInterval) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        outboxMaxFrames, outboxMaxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout);
  }

  public ChatSettings withOutbox(int maxFrames, long maxChars) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        maxFrames, maxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout);
  }

  public ChatSettings withRates(RateLimit sendRate, RateLimit typingRate, RateLimit frameRate) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        outboxMaxFrames, outboxMaxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout);
  }

  public ChatSettings withTyping(Duration typingThrottle, Duration typingTimeout) {
    return new ChatSettings(authTimeout, idleTimeout, pingInterval, sweepInterval, maxConnectionsPerUser,
        outboxMaxFrames, outboxMaxChars, slowConsumerGrace, sendRate, typingRate, frameRate,
        maxRateLimitedPerMinute, typingThrottle, typingTimeout);
  }
}
