package com.example.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.local.SystemClock;
import dev.jchat.embedded.Chat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat embedded in a program: clients in the same JVM talk without any server. */
@Timeout(20)
class EmbeddedChatExampleTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void the_program_has_bob_receive_alices_message_and_alice_see_bob_leave() throws Exception {
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      EmbeddedChatExample.main(new String[0]);
    } finally {
      System.setOut(console);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("bob got {\"event\":\"chat:new\"").contains("\"text\":\"hello, Bob\"").contains("\"user\":\"alice\"")
        .contains("alice got {\"event\":\"presence:leave\"").contains("\"name\":\"bob\"");
  }

  @Test
  void a_message_store_given_by_name_holds_what_the_clients_sent() throws Exception {
    try (SystemClock clock = new SystemClock()) {
      InMemoryMessageStore store = new InMemoryMessageStore(clock);
      try (Chat chat = Chat.builder().tokenSecret("read-me-from-your-configuration-32+bytes").clock(clock)
          .messageStore(store).build()) {
        InProcessClient carol = InProcessClient.connect(chat, chat.issueToken(new User(3, "carol")));
        carol.send("{\"event\":\"room:join\",\"data\":{\"room\":\"notes\"}}");
        carol.await("presence:state", TIMEOUT);
        carol.send("{\"event\":\"chat:send\",\"data\":{\"room\":\"notes\",\"text\":\"keep this\"},\"ack\":1}");
        carol.await("chat:new", TIMEOUT);
      }
      assertThat(store.before("notes", null, 10).messages()).extracting(m -> m.text()).containsExactly("keep this");
    }
  }
}
