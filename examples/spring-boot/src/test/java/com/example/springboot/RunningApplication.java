package com.example.springboot;

import dev.jchat.conformance.TestChat;
import dev.jchat.wire.ChatServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started as {@code main} starts it, on 127.0.0.1 and a free port, with the
 * conformance suite's token secret, its DataSource on the test PostgreSQL in a schema of its own
 * (127.0.0.1:5432, database {@code test}, user {@code postgres}; {@code CHAT_TEST_PG_URL},
 * {@code CHAT_TEST_PG_USER} and {@code CHAT_TEST_PG_PASSWORD} point elsewhere).
 */
final class RunningApplication implements ChatServer {
  private static final String URL = env("CHAT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = env("CHAT_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("CHAT_TEST_PG_PASSWORD", "");

  private final ConfigurableApplicationContext context;
  private final String ownSchema;

  private RunningApplication(ConfigurableApplicationContext context, String ownSchema) {
    this.context = context;
    this.ownSchema = ownSchema;
  }

  /** Starts the application on a new schema, which {@link #close} drops. */
  static RunningApplication onNewSchema() throws SQLException {
    String schema = createSchema();
    try {
      return new RunningApplication(run(schema), schema);
    } catch (RuntimeException e) {
      dropSchema(schema);
      throw e;
    }
  }

  /** Starts the application on an existing schema, which outlives it. */
  static RunningApplication on(String schema) {
    return new RunningApplication(run(schema), null);
  }

  @Override
  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Override
  public void close() {
    context.close();
    if (ownSchema != null) {
      dropSchema(ownSchema);
    }
  }

  static String createSchema() throws SQLException {
    String schema = "spring_" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  static void dropSchema(String schema) {
    try {
      execute("DROP SCHEMA " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the test schema " + schema, e);
    }
  }

  private static ConfigurableApplicationContext run(String schema) {
    return new SpringApplicationBuilder(ChatApplication.class).run(
        "--server.address=127.0.0.1", "--server.port=0",
        "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
        "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
        "--chat.token-secret=" + new String(TestChat.SECRET, StandardCharsets.UTF_8));
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
