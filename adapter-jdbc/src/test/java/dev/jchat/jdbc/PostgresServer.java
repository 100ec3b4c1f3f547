package dev.jchat.jdbc;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL the tests use: 127.0.0.1:5432, database test, user postgres, unless
 * CHAT_TEST_PG_URL, CHAT_TEST_PG_USER and CHAT_TEST_PG_PASSWORD say otherwise. Each test class works
 * in a schema of its own.
 */
public final class PostgresServer {
  static final String URL = env("CHAT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = env("CHAT_TEST_PG_USER", "postgres");
  static final String PASSWORD = env("CHAT_TEST_PG_PASSWORD", "");
  private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^/:]+)(?::(\\d+))?/");

  private PostgresServer() {
  }

  /** Why PostgreSQL cannot be used, or empty when it can. */
  public static Optional<String> unreachableBecause() {
    try (Connection connection = connect()) {
      connection.isValid(2);
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("PostgreSQL at " + URL + " is unreachable (" + e.getMessage() + ")");
    }
  }

  /** Creates an empty schema with a random name and returns the name. */
  public static String createSchema() throws SQLException {
    String schema = "t_" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  public static void dropSchema(String schema) throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** A small pool working in {@code schema}. */
  public static DatabaseConfig config(String schema) {
    return new DatabaseConfig(inSchema(URL, schema), USER, PASSWORD, 4);
  }

  /** The same, but connecting through 127.0.0.1:{@code port} (a proxy) instead of the server. */
  public static DatabaseConfig configVia(String schema, int port) {
    String url = HOST_AND_PORT.matcher(URL).replaceFirst("jdbc:postgresql://127.0.0.1:" + port + "/");
    return new DatabaseConfig(inSchema(url, schema), USER, PASSWORD, 4);
  }

  public static InetSocketAddress address() {
    Matcher matcher = HOST_AND_PORT.matcher(URL);
    if (!matcher.find()) {
      throw new IllegalStateException("cannot read host and port from " + URL);
    }
    int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
    return new InetSocketAddress(matcher.group(1), port);
  }

  private static String inSchema(String url, String schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(URL, properties);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
