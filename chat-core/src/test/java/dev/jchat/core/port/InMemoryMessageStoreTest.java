package dev.jchat.core.port;

import dev.jchat.core.local.InMemoryMessageStore;

class InMemoryMessageStoreTest extends MessageStoreContract {
  @Override
  protected MessageStore newStore(Clock clock) {
    return new InMemoryMessageStore(clock);
  }
}
