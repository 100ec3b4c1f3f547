package dev.jchat.app;

import dev.jchat.core.chat.ChatSettings;
import dev.jchat.jdbc.DatabaseConfig;
import dev.jchat.redis.RedisSettings;
import dev.jchat.wire.OriginPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The whole configuration, read once from environment variables and {@code -D} properties, in the
 * groups the parts take: where to listen, the data folder, the database, Redis (null: this instance
 * stands alone), the tokens, the origin allow-list, the registrations an address may make a minute,
 * and the core's settings. Nothing else reads the environment. A default not written here is the
 * core's own ({@link ChatSettings#defaults()}), the store's ({@link DatabaseConfig}) or Redis's
 * ({@link RedisSettings}).
 */
public record ChatConfig(
    String host,
    int port,
    Transport transport,
    Path dataDir,
    DatabaseConfig database,
    RedisSettings redis,
    Tokens tokens,
    String allowedOrigins,
    int registrationsPerMinute,
    Metrics metrics,
    ChatSettings chat) {

  /** {@code GET /metrics}: off, on the server's port ({@code port} null), or on a port of its own. */
  public record Metrics(boolean enabled, Integer port) {
    static Metrics from(String setting) {
      if (setting.equals("on") || setting.equals("off")) {
        return new Metrics(setting.equals("on"), null);
      }
      try {
        int port = Integer.parseInt(setting);
        if (port >= 1 && port <= 65535) {
          return new Metrics(true, port);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new InvalidSettingException("CHAT_METRICS", setting, "expected on, off or a port from 1 to 65535");
    }
  }

  /**
   * How session tokens are signed and for how long; {@code secret} is null when unset (the app then
   * keeps a generated one in the data folder).
   */
  public record Tokens(byte[] secret, Duration lifetime) {
    @Override
    public String toString() {
      return "Tokens[secret=" + (secret == null ? "generated" : "<set>") + ", lifetime=" + lifetime + "]";
    }
  }

  public static ChatConfig from(Map<String, String> environment, Properties properties) {
    Settings settings = new Settings(environment, properties);
    settings.oneOf("CHAT_LOG_LEVEL", "INFO", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"); // read by logback.xml
    settings.oneOf("CHAT_LOG_FORMAT", "text", "text", "json");
    Path dataDir = Path.of(settings.get("CHAT_DATA_DIR", "data"));
    RedisSettings redis = redis(settings);
    byte[] secret = jwtSecret(settings);
    if (redis != null && secret == null) {
      throw new InvalidSettingException("CHAT_JWT_SECRET", "<unset>",
          "required with CHAT_REDIS_URL: every instance must sign and check tokens with the same secret");
    }
    return new ChatConfig(
        settings.get("HOST", "0.0.0.0"),
        settings.integer("PORT", 3000, 0, 65535),
        Transport.named(settings.get("CHAT_TRANSPORT", Transport.JAVALIN.toString())),
        dataDir,
        database(settings, dataDir),
        redis,
        new Tokens(secret,
            Duration.ofMinutes(settings.integer("CHAT_TOKEN_TTL_MINUTES", 24 * 60, 1, 365 * 24 * 60))),
        origins(settings),
        settings.integer("CHAT_REGISTRATIONS_PER_MINUTE", 10, 1, 1_000_000),
        Metrics.from(settings.get("CHAT_METRICS", "on")),
        chat(settings));
  }

  private static DatabaseConfig database(Settings settings, Path dataDir) {
    String url = settings.get("CHAT_DB_URL").orElse(null);
    if (url == null) {
      return DatabaseConfig.h2File(dataDir);
    }
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new InvalidSettingException("CHAT_DB_URL", url.split("[?;]", 2)[0],
          "expected a jdbc:postgresql: or jdbc:h2: URL");
    }
    return new DatabaseConfig(url, settings.get("CHAT_DB_USER", null), settings.get("CHAT_DB_PASSWORD", null),
        DatabaseConfig.DEFAULT_POOL_SIZE);
  }

  /** Redis when CHAT_REDIS_URL is set, else null: the in-process broker, presence and limits. */
  private static RedisSettings redis(Settings settings) {
    String url = settings.get("CHAT_REDIS_URL").orElse(null);
    if (url == null) {
      return null;
    }
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new InvalidSettingException("CHAT_REDIS_URL", RedisSettings.withoutCredentials(url),
          "expected a redis:// or rediss:// URL");
    }
    int ttlSeconds = settings.integer("CHAT_REDIS_INSTANCE_TTL_SECONDS",
        (int) RedisSettings.DEFAULT_INSTANCE_TTL.toSeconds(), 1, 3600);
    return new RedisSettings(url, settings.get("CHAT_REDIS_PREFIX", RedisSettings.DEFAULT_PREFIX),
        Duration.ofSeconds(ttlSeconds));
  }

  private static byte[] jwtSecret(Settings settings) {
    String secret = settings.get("CHAT_JWT_SECRET").orElse(null);
    if (secret == null) {
      return null;
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new InvalidSettingException("CHAT_JWT_SECRET", "<hidden>", "expected at least 32 bytes");
    }
    return bytes;
  }

  private static String origins(Settings settings) {
    String origins = settings.get("CHAT_ALLOWED_ORIGINS", OriginPolicy.DEFAULT);
    try {
      Pattern.compile(origins);
    } catch (PatternSyntaxException e) {
      throw new InvalidSettingException("CHAT_ALLOWED_ORIGINS", origins, "expected a regular expression");
    }
    return origins;
  }

  /** The core's settings: its defaults, with the outbox bounds and the write interval as set. */
  private static ChatSettings chat(Settings settings) {
    ChatSettings defaults = ChatSettings.defaults();
    int maxFrames = settings.integer("CHAT_OUTBOX_MAX_FRAMES", defaults.outbox().maxFrames(), 10, 1_000_000);
    int maxBytes = settings.integer("CHAT_OUTBOX_MAX_BYTES", (int) defaults.outbox().maxBytes(), 16 * 1024,
        1024 * 1024 * 1024);
    int intervalMillis = settings.integer("CHAT_WRITE_INTERVAL_MS", (int) defaults.writeInterval().toMillis(), 0,
        1000);
    return defaults.toBuilder()
        .outbox(new ChatSettings.OutboxBounds(maxFrames, maxBytes))
        .writeInterval(Duration.ofMillis(intervalMillis))
        .build();
  }
}
