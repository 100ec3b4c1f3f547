package dev.jchat.jdbc;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database is and how many connections to keep. {@code url} is a {@code jdbc:h2:} or
 * {@code jdbc:postgresql:} URL; the pool needs two connections at least: one for the writer, one
 * for reads. {@code readTimeout} (PostgreSQL only) is how long a statement may wait for the
 * server's answer before its connection counts as broken: without it a silent network partition
 * would hold the store's writer until TCP itself gives up, many minutes later.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize, Duration readTimeout) {
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  public DatabaseConfig(String url, String user, String password, int poolSize) {
    this(url, user, password, poolSize, DEFAULT_READ_TIMEOUT);
  }

  public DatabaseConfig {
    if (url == null || !(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException("the database URL must start with jdbc:h2: or jdbc:postgresql:");
    }
    if (poolSize < 2) {
      throw new IllegalArgumentException("the pool needs 2 connections at least, got " + poolSize);
    }
    if (readTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("the read timeout must be a second at least, got " + readTimeout);
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** The embedded default: an H2 file {@code chat.mv.db} in {@code dataDir}. */
  public static DatabaseConfig h2File(Path dataDir) {
    return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("chat"), "sa", "", DEFAULT_POOL_SIZE);
  }

  public DatabaseConfig withReadTimeout(Duration readTimeout) {
    return new DatabaseConfig(url, user, password, poolSize, readTimeout);
  }

  /** "h2" or "postgresql", as /health names the store. */
  public String vendor() {
    return url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
  }

  /** The URL without its parameters, which may hold credentials; for messages. */
  public String safeUrl() {
    return url.split("[?;]", 2)[0];
  }

  @Override
  public String toString() {
    return "DatabaseConfig[" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
  }
}
