package dev.jchat.jakarta.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.core.domain.User;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedding example at work: two clients of an embedded chat talk without any server. */
@Timeout(10)
class EmbeddedChatTest {
  private static final byte[] SECRET = "an-embedding-application-secret-32+".getBytes(StandardCharsets.UTF_8);

  @Test
  void two_clients_of_an_embedded_chat_exchange_a_message_without_a_server() throws Exception {
    try (EmbeddedChat chat = new EmbeddedChat(SECRET)) {
      BlockingQueue<String> toAlice = new LinkedBlockingQueue<>();
      BlockingQueue<String> toBob = new LinkedBlockingQueue<>();
      EmbeddedChat.Client alice = chat.connect(toAlice::add);
      EmbeddedChat.Client bob = chat.connect(toBob::add);

      alice.send(auth(chat.tokenFor(new User(1, "alice"))));
      bob.send(auth(chat.tokenFor(new User(2, "bob"))));
      alice.send("{\"event\":\"room:join\",\"data\":{\"room\":\"general\"}}");
      bob.send("{\"event\":\"room:join\",\"data\":{\"room\":\"general\"}}");
      alice.send("{\"event\":\"chat:send\",\"data\":{\"room\":\"general\",\"text\":\"hello, Bob\"},\"ack\":2}");

      JsonObject message = awaitEvent(toBob, "chat:new").getAsJsonObject("data");
      assertThat(message.get("text").getAsString()).isEqualTo("hello, Bob");
      assertThat(message.get("user").getAsString()).isEqualTo("alice");
      assertThat(awaitEvent(toAlice, "chat:new").getAsJsonObject("data").get("id"))
          .isEqualTo(message.get("id"));

      bob.disconnect();
      assertThat(awaitEvent(toAlice, "presence:leave").getAsJsonObject("data").getAsJsonObject("user")
          .get("name").getAsString()).isEqualTo("bob");
    }
  }

  private static String auth(String token) {
    return "{\"event\":\"auth\",\"data\":{\"token\":\"" + token + "\"},\"ack\":1}";
  }

  private static JsonObject awaitEvent(BlockingQueue<String> frames, String event) throws InterruptedException {
    while (true) {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      assertThat(frame).as("a %s frame", event).isNotNull();
      JsonObject parsed = JsonParser.parseString(frame).getAsJsonObject();
      if (event.equals(parsed.get("event").getAsString())) {
        return parsed;
      }
    }
  }
}
