package dev.jchat.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migrated database of its own for one test class: a temporary H2 file, or a fresh schema on
 * PostgreSQL, dropped afterwards. Register it as a static field with {@code @RegisterExtension}.
 * When PostgreSQL is unreachable its tests are skipped, saying why, or fail when CI=true.
 */
final class TestDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);

  private final boolean postgres;
  private Optional<String> unreachable = Optional.empty();
  private Path h2Folder;
  private String schema;
  private DatabaseConfig config;
  private Database database;

  private TestDatabase(boolean postgres) {
    this.postgres = postgres;
  }

  static TestDatabase h2() {
    return new TestDatabase(false);
  }

  static TestDatabase postgres() {
    return new TestDatabase(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (postgres) {
      unreachable = PostgresServer.unreachableBecause();
      if (unreachable.isPresent()) {
        if ("true".equals(System.getenv("CI"))) {
          fail(unreachable.get() + "; with CI=true the PostgreSQL tests must run");
        }
        LOG.warn("{}; skipping {}", unreachable.get(), context.getDisplayName());
        return;
      }
      schema = PostgresServer.createSchema();
      config = PostgresServer.config(schema);
    } else {
      h2Folder = Files.createTempDirectory("jchat-h2-");
      config = DatabaseConfig.h2File(h2Folder);
    }
    database = Database.start(config);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    unreachable.ifPresent(why -> Assumptions.abort(why + "; skipped (CHAT_TEST_PG_URL, _USER and _PASSWORD point"
        + " elsewhere; with CI=true this fails instead)"));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (database != null) {
      database.close();
    }
    if (schema != null) {
      PostgresServer.dropSchema(schema);
    }
    if (h2Folder != null) {
      deleteRecursively(h2Folder);
    }
  }

  Database database() {
    return database;
  }

  /** How to open another pool on the same database, as a second instance would. */
  DatabaseConfig config() {
    return config;
  }

  /** The PostgreSQL schema, or null on H2. */
  String schema() {
    return schema;
  }

  static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
