package dev.jchat.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jchat.core.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Connections to a migrated schema (Flyway runs on start): a pool of its own (HikariCP, {@link
 * #start}), or an application's {@link DataSource} ({@link #on}). Thread-safe. Closing it closes its
 * own pool, never an application's; close the stores that use it first.
 */
public final class Database implements AutoCloseable {
  /** How long a caller waits for a connection while the database is down before it is told so. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);

  /**
   * In PostgreSQL mode H2 understands the same SQL (nextval, generate_series, ON CONFLICT DO
   * NOTHING), so one schema and one set of statements serve both databases. WRITE_DELAY=0 writes
   * each commit to the file before the commit returns, so an acknowledged message survives a crash.
   */
  private static final List<String> H2_SETTINGS = List.of("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "WRITE_DELAY=0");

  /**
   * On an application's data source the chat keeps its migration history in a table of its own, so
   * the application may use Flyway on the same schema for its own tables.
   */
  private static final String HISTORY_TABLE = "jchat_schema_history";

  private final String vendor;
  private final DataSource dataSource;
  /** The pool this opened, or null on an application's data source. */
  private final HikariDataSource ownPool;

  private Database(String vendor, DataSource dataSource, HikariDataSource ownPool) {
    this.vendor = vendor;
    this.dataSource = dataSource;
    this.ownPool = ownPool;
  }

  /** Opens the pool and migrates the schema; fails with one clear line when either cannot be done. */
  public static Database start(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("jchat-" + config.vendor());
    hikari.setJdbcUrl(jdbcUrl(config));
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
    if (config.vendor().equals("postgresql")) {
      hikari.addDataSourceProperty("socketTimeout", Long.toString(config.readTimeout().toSeconds()));
    }
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(hikari);
      // Migrations get a connection of their own, without the read timeout: building an index on a
      // large table may rightly take longer than any chat statement.
      Flyway.configure().dataSource(hikari.getJdbcUrl(), config.user(), config.password()).load().migrate();
      return new Database(config.vendor(), pool, pool);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      throw new IllegalStateException("cannot open the database " + config.safeUrl() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The chat's tables on an application's data source (Spring Boot's, a container's JNDI one): migrates
   * them into the schema its connections use, then borrows a connection per statement or transaction.
   * Point the data source at a schema of its own (PostgreSQL: {@code ?currentSchema=chat}) when the
   * application has tables named {@code users}, {@code rooms} or {@code messages}. An H2 database
   * must run in {@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}. The pool should hold two connections
   * or more (the message writer keeps one busy); its timeouts are the application's.
   */
  public static Database on(DataSource dataSource) {
    try {
      Flyway.configure().dataSource(dataSource).table(HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
          .load().migrate();
      try (Connection connection = dataSource.getConnection()) {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return new Database(product, dataSource, null);
      }
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException("cannot migrate the chat's tables on the application's data source: "
          + e.getMessage(), e);
    }
  }

  /** "h2" or "postgresql". */
  public String vendor() {
    return vendor;
  }

  /** True when a connection can be had and answers; for /health. Waits two seconds at most. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) VALIDATION_TIMEOUT.toSeconds());
    } catch (SQLException e) {
      return false;
    }
  }

  /** Runs {@code work} on a pooled connection in auto-commit mode; any failure means unavailable. */
  <T> T withConnection(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreUnavailableException("the database cannot be used now", e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. The
   * pool restores auto-commit when the connection comes back.
   */
  <T> T inTransaction(SqlWork<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    }
  }

  /** For tests that count connections in use. */
  HikariDataSource pool() {
    return ownPool;
  }

  @Override
  public void close() {
    if (ownPool != null) {
      ownPool.close();
    }
  }

  static boolean isUniqueViolation(SQLException e) {
    for (Throwable cause : e) {
      if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The kind of failure, for logs: its class and SQLState, never its text, which may quote a
   * statement's parameters (message text) or a row.
   */
  static String describe(Exception e) {
    return e instanceof SQLException sql ? sql.getClass().getSimpleName() + " (SQLState " + sql.getSQLState() + ")"
        : e.getClass().getSimpleName();
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e); // the connection is likely broken; the pool will drop it
    }
  }

  /** The URL with the settings the chat needs (H2 in PostgreSQL mode). */
  static String jdbcUrl(DatabaseConfig config) {
    if (!config.vendor().equals("h2")) {
      return config.url();
    }
    StringBuilder url = new StringBuilder(config.url());
    String given = config.url().toUpperCase(Locale.ROOT);
    for (String setting : H2_SETTINGS) {
      String name = setting.substring(0, setting.indexOf('=') + 1).toUpperCase(Locale.ROOT);
      if (!given.contains(";" + name)) {
        url.append(';').append(setting);
      }
    }
    return url.toString();
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
