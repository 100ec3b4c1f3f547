package dev.jchat.jdbc;

import dev.jchat.core.port.UserStore;
import dev.jchat.core.port.UserStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcUserStoreH2Test extends UserStoreContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2();

  @Override
  protected UserStore newStore() {
    return new JdbcUserStore(DB.database());
  }
}
