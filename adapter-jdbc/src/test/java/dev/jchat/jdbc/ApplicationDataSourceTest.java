package dev.jchat.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.AppendRecorder;
import dev.jchat.core.port.AppendRecorder.Stored;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The stores on a data source the application owns, as Spring Boot hands it over (here H2 in memory). */
class ApplicationDataSourceTest {
  private static final User ALICE = new User(1, "alice");

  private static JdbcDataSource applicationDataSource(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void the_chats_tables_are_migrated_beside_the_applications_own_and_its_data_source_outlives_the_chat()
      throws Exception {
    JdbcDataSource dataSource = applicationDataSource("beside");
    execute(dataSource, "CREATE TABLE orders (id BIGINT PRIMARY KEY)");
    execute(dataSource, "INSERT INTO orders VALUES (7)");

    Message sent;
    try (Database database = Database.on(dataSource); JdbcMessageStore store = new JdbcMessageStore(database)) {
      assertThat(database.vendor()).isEqualTo("h2");
      assertThat(new JdbcUserStore(database).create("Alice", "hash")).isPresent();
      sent = new AppendRecorder(store).append(new NewMessage("general", ALICE, "hello", null))
          .thenApply(Stored::message).get(10, TimeUnit.SECONDS);
      assertThat(Duration.between(sent.time(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    assertThat(count(dataSource, "SELECT COUNT(*) FROM orders")).as("the application's table").isEqualTo(1);
    try (Database again = Database.on(dataSource); JdbcMessageStore store = new JdbcMessageStore(again)) {
      assertThat(store.before("general", null, 10).messages()).containsExactly(sent);
      assertThat(new JdbcUserStore(again).findByName("alice")).isPresent();
    }
  }

  @Test
  void an_application_that_migrates_its_own_schema_with_flyway_keeps_its_history_apart() throws Exception {
    JdbcDataSource dataSource = applicationDataSource("flyway");
    execute(dataSource, "CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50))");
    execute(dataSource, "INSERT INTO flyway_schema_history VALUES (1, '1')");

    try (Database database = Database.on(dataSource)) {
      assertThat(database.isReachable()).isTrue();
    }

    assertThat(count(dataSource, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(1);
    assertThat(count(dataSource, "SELECT COUNT(*) FROM jchat_schema_history WHERE success")).isPositive();
  }

  private static void execute(JdbcDataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(JdbcDataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
