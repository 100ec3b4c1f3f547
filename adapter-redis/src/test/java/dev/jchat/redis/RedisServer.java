package dev.jchat.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The Redis the tests use: redis://127.0.0.1:6379 unless CHAT_TEST_REDIS_URL says otherwise. Each
 * test deployment works under a key prefix of its own, so runs side by side never meet.
 */
public final class RedisServer {
  public static final String URL = env("CHAT_TEST_REDIS_URL", "redis://127.0.0.1:6379");

  private RedisServer() {
  }

  /** Why Redis cannot be used, or empty when it can. */
  public static Optional<String> unreachableBecause() {
    RedisClient client = RedisClient.create(URL);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().ping();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("Redis at " + URL + " is unreachable (" + e.getMessage() + ")");
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** A prefix no other test run uses. */
  public static String uniquePrefix() {
    return "jchat-test:" + UUID.randomUUID() + ":";
  }

  /** Settings for a deployment under {@code prefix}, whose instances count as dead after {@code instanceTtl}. */
  public static RedisSettings settings(String prefix, Duration instanceTtl) {
    return new RedisSettings(URL, prefix, instanceTtl);
  }

  /** The same, through 127.0.0.1:{@code port} (a proxy) instead of the server. */
  static RedisSettings settingsVia(int port, String prefix, Duration instanceTtl) {
    RedisURI uri = RedisURI.create(URL);
    uri.setHost("127.0.0.1");
    uri.setPort(port);
    return new RedisSettings(uri.toURI().toString(), prefix, instanceTtl);
  }

  static InetSocketAddress address() {
    RedisURI uri = RedisURI.create(URL);
    return new InetSocketAddress(uri.getHost(), uri.getPort());
  }

  /** Deletes every key under the prefix. */
  public static void deleteKeys(String prefix) {
    RedisClient client = RedisClient.create(URL);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(prefix + "*").limit(500))
          .forEachRemaining(key -> connection.sync().del(key));
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
