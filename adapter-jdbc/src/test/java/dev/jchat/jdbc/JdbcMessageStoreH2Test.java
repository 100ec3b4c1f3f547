package dev.jchat.jdbc;

import dev.jchat.core.port.Clock;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.MessageStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcMessageStoreH2Test extends MessageStoreContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2();

  @Override
  protected MessageStore newStore(Clock clock) {
    return new JdbcMessageStore(DB.database(), clock);
  }
}
