package com.example.embedded;

import dev.jchat.core.domain.User;
import dev.jchat.embedded.Chat;
import java.time.Duration;

/** The chat inside a plain program: Alice and Bob, two clients in this JVM, say hello in a room. */
public final class EmbeddedChatExample {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private EmbeddedChatExample() {
  }

  public static void main(String[] args) throws InterruptedException {
    try (Chat chat = Chat.builder().tokenSecret("read-me-from-your-configuration-32+bytes").build()) {
      // The program knows its users; each gets a token the chat accepts.
      InProcessClient alice = InProcessClient.connect(chat, chat.issueToken(new User(1, "alice")));
      InProcessClient bob = InProcessClient.connect(chat, chat.issueToken(new User(2, "bob")));
      for (InProcessClient client : new InProcessClient[] {alice, bob}) {
        client.await("session", TIMEOUT);
        client.send("{\"event\":\"room:join\",\"data\":{\"room\":\"general\"}}");
        client.await("presence:state", TIMEOUT);
      }

      alice.send("{\"event\":\"chat:send\",\"data\":{\"room\":\"general\",\"text\":\"hello, Bob\"}}");
      System.out.println("bob got " + bob.await("chat:new", TIMEOUT));

      bob.disconnect();
      System.out.println("alice got " + alice.await("presence:leave", TIMEOUT));
    }
  }
}
