package dev.jchat.core.port;

import dev.jchat.core.local.InMemoryUserStore;

class InMemoryUserStoreTest extends UserStoreContract {
  @Override
  protected UserStore newStore() {
    return new InMemoryUserStore();
  }
}
