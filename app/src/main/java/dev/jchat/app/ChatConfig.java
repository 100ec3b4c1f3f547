package dev.jchat.app;

import dev.jchat.core.chat.OriginPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The whole configuration, read once from environment variables and {@code -D} properties. Adapters
 * receive parts of it; nothing else reads the environment. {@code dbUrl} is null for the embedded H2
 * file in the data folder; {@code jwtSecret} is null when unset (the app then keeps a generated one in
 * the data folder).
 */
public record ChatConfig(
    String host,
    int port,
    String transport,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    byte[] jwtSecret,
    Duration tokenLifetime,
    String allowedOrigins,
    int outboxMaxFrames,
    int outboxMaxBytes,
    Duration writeInterval) {

  public static ChatConfig from(Map<String, String> environment, Properties properties) {
    Settings settings = new Settings(environment, properties);
    String transport = settings.get("CHAT_TRANSPORT", "javalin");
    if (!transport.equals("javalin") && !transport.equals("jakarta")) {
      throw new InvalidSettingException("CHAT_TRANSPORT", transport, "expected javalin or jakarta");
    }
    String secret = settings.get("CHAT_JWT_SECRET").orElse(null);
    if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new InvalidSettingException("CHAT_JWT_SECRET", "<hidden>", "expected at least 32 bytes");
    }
    String dbUrl = settings.get("CHAT_DB_URL").orElse(null);
    if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
      throw new InvalidSettingException("CHAT_DB_URL", dbUrl.split("[?;]", 2)[0],
          "expected a jdbc:postgresql: or jdbc:h2: URL");
    }
    String origins = settings.get("CHAT_ALLOWED_ORIGINS", OriginPolicy.DEFAULT);
    try {
      Pattern.compile(origins);
    } catch (PatternSyntaxException e) {
      throw new InvalidSettingException("CHAT_ALLOWED_ORIGINS", origins, "expected a regular expression");
    }
    return new ChatConfig(
        settings.get("HOST", "0.0.0.0"),
        settings.integer("PORT", 3000, 0, 65535),
        transport,
        Path.of(settings.get("CHAT_DATA_DIR", "data")),
        dbUrl,
        settings.get("CHAT_DB_USER", null),
        settings.get("CHAT_DB_PASSWORD", null),
        secret == null ? null : secret.getBytes(StandardCharsets.UTF_8),
        Duration.ofMinutes(settings.integer("CHAT_TOKEN_TTL_MINUTES", 24 * 60, 1, 365 * 24 * 60)),
        origins,
        settings.integer("CHAT_OUTBOX_MAX_FRAMES", 1000, 10, 1_000_000),
        settings.integer("CHAT_OUTBOX_MAX_BYTES", 1024 * 1024, 16 * 1024, 1024 * 1024 * 1024),
        Duration.ofMillis(settings.integer("CHAT_WRITE_INTERVAL_MS", 10, 0, 1000)));
  }

  @Override
  public String toString() {
    return "ChatConfig[host=" + host + ", port=" + port + ", transport=" + transport + ", dataDir=" + dataDir
        + ", db=" + (dbUrl == null ? "h2 file" : dbUrl.split("[?;]", 2)[0])
        + ", jwtSecret=" + (jwtSecret == null ? "generated" : "<set>") + "]";
  }
}
