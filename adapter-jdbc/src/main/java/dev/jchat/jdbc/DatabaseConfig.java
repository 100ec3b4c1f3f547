package dev.jchat.jdbc;

import java.nio.file.Path;

/**
 * Where the database is and how many connections to keep. {@code url} is a {@code jdbc:h2:} or
 * {@code jdbc:postgresql:} URL; the pool needs two connections at least: one for the writer, one
 * for reads.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
  public static final int DEFAULT_POOL_SIZE = 10;

  public DatabaseConfig {
    if (url == null || !(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException("the database URL must start with jdbc:h2: or jdbc:postgresql:");
    }
    if (poolSize < 2) {
      throw new IllegalArgumentException("the pool needs 2 connections at least, got " + poolSize);
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** The embedded default: an H2 file {@code chat.mv.db} in {@code dataDir}. */
  public static DatabaseConfig h2File(Path dataDir) {
    return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("chat"), "sa", "", DEFAULT_POOL_SIZE);
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
