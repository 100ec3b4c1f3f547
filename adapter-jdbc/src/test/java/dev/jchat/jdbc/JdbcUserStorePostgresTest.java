package dev.jchat.jdbc;

import dev.jchat.core.port.UserStore;
import dev.jchat.core.port.UserStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcUserStorePostgresTest extends UserStoreContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres();

  @Override
  protected UserStore newStore() {
    return new JdbcUserStore(DB.database());
  }
}
