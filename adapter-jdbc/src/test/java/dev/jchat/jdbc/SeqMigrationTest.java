package dev.jchat.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.AppendRecorder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by a version before seq (schema version 1) is numbered on the next start: each
 * room's messages 1, 2, 3… in id order, and new messages count on from there.
 */
class SeqMigrationTest {

  @Test
  void h2_numbers_the_messages_stored_before(@TempDir Path folder) throws Exception {
    numbersTheMessagesStoredBefore(DatabaseConfig.h2File(folder));
  }

  @Test
  void postgresql_numbers_the_messages_stored_before() throws Exception {
    Optional<String> unreachable = PostgresServer.unreachableBecause();
    if (unreachable.isPresent() && "true".equals(System.getenv("CI"))) {
      fail(unreachable.get() + "; with CI=true the PostgreSQL tests must run");
    }
    Assumptions.assumeTrue(unreachable.isEmpty(), () -> unreachable.get() + "; skipped");
    String schema = PostgresServer.createSchema();
    try {
      numbersTheMessagesStoredBefore(PostgresServer.config(schema));
    } finally {
      PostgresServer.dropSchema(schema);
    }
  }

  private static void numbersTheMessagesStoredBefore(DatabaseConfig config) throws Exception {
    String url = Database.jdbcUrl(config);
    Flyway.configure().dataSource(url, config.user(), config.password()).target("1").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, config.user(), config.password());
         Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO rooms (name) VALUES ('a'), ('b'), ('empty')");
      long[][] rows = {{10, 'a'}, {11, 'b'}, {12, 'a'}, {15, 'a'}, {16, 'b'}};
      for (long[] row : rows) {
        sql.execute("INSERT INTO messages (id, room, user_id, user_name, body, sent_at) VALUES (" + row[0] + ", '"
            + (char) row[1] + "', 1, 'alice', 'old " + row[0] + "', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00')");
      }
      sql.execute("ALTER SEQUENCE message_ids RESTART WITH 17");
    }

    try (Database database = Database.start(config); JdbcMessageStore store = new JdbcMessageStore(database)) {
      assertThat(store.after("a", 0, 10).messages()).extracting(Message::id, Message::seq)
          .containsExactly(pair(10, 1), pair(12, 2), pair(15, 3));
      assertThat(store.after("b", 0, 10).messages()).extracting(Message::seq).containsExactly(1L, 2L);

      assertThat(append(store, "a").seq()).isEqualTo(4);
      assertThat(append(store, "empty").seq()).isEqualTo(1);
    }
  }

  private static Message append(JdbcMessageStore store, String room) throws Exception {
    return new AppendRecorder(store).append(new NewMessage(room, new User(1, "alice"), "new", null))
        .get(10, TimeUnit.SECONDS).message();
  }

  private static org.assertj.core.groups.Tuple pair(long id, long seq) {
    return org.assertj.core.groups.Tuple.tuple(id, seq);
  }
}
