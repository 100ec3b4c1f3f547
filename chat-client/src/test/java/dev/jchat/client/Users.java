package dev.jchat.client;

import java.util.concurrent.atomic.AtomicInteger;

/** Names no other test of this run uses, so tests share a server without seeing each other. */
final class Users {
  static final String PASSWORD = "password1";
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Users() {
  }

  static String unique(String name) {
    return name + "-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
  }

  /** A client of a new user, registered (so it has a token), not connected yet. */
  static ChatClient registered(ChatClient.Builder builder, String name) {
    ChatClient client = builder.build();
    client.register(unique(name), PASSWORD);
    return client;
  }
}
