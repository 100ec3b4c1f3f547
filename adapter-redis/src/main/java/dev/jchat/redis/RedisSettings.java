package dev.jchat.redis;

import java.time.Duration;

/**
 * Where the Redis of the deployment is ({@code redis://[:password@]host[:port][/database]}), the
 * prefix of every key and channel (so that several chats can share one Redis), and how long an
 * instance that stops beating counts as alive: it beats every third of that.
 */
public record RedisSettings(String url, String prefix, Duration instanceTtl) {
  public static final String DEFAULT_PREFIX = "jchat:";
  public static final Duration DEFAULT_INSTANCE_TTL = Duration.ofSeconds(30);

  public RedisSettings {
    if (instanceTtl.toMillis() < 300) {
      throw new IllegalArgumentException("an instance TTL under 300 ms leaves no time to beat");
    }
  }

  Duration beatInterval() {
    return instanceTtl.dividedBy(3);
  }

  /** The URL with its user and password hidden, to print. */
  public static String withoutCredentials(String url) {
    return url.replaceFirst("//[^@/]*@", "//<credentials>@");
  }

  @Override
  public String toString() {
    return "RedisSettings[url=" + withoutCredentials(url) + ", prefix=" + prefix
        + ", instanceTtl=" + instanceTtl + "]";
  }
}
