package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md section 4: sending, broadcasting and recovering messages. */
public abstract class MessagingConformance extends ChatConformanceSuite {

  @Test
  void a_message_reaches_every_member_of_the_room_the_sender_included() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      a.awaitEvent("presence:join");
      JsonObject sent = send(a, "general", "hello <b>bob</b> 👋");
      for (WireClient client : new WireClient[] {a, b}) {
        JsonObject message = data(client.awaitEvent("chat:new"));
        assertThat(message.get("id").getAsLong()).isEqualTo(sent.get("id").getAsLong());
        assertThat(message.get("text").getAsString()).isEqualTo("hello <b>bob</b> 👋");
        assertThat(message.get("user").getAsString()).isEqualTo(alice.name());
        assertThat(message.get("userId").getAsLong()).isEqualTo(alice.id());
        assertThat(message.get("room").getAsString()).isEqualTo("general");
        assertThat(message.get("time").getAsString()).isEqualTo(sent.get("time").getAsString());
        assertThat(message.has("clientMsgId")).isFalse();
      }
    }
  }

  @Test
  void a_client_that_rejoins_with_since_gets_exactly_the_messages_it_missed() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    long lastSeen;
    try (WireClient a = connect(alice)) {
      join(a, "general");
      lastSeen = send(a, "general", "before the drop").get("id").getAsLong();
    }
    try (WireClient b = connect(bob)) {
      join(b, "general");
      send(b, "general", "missed one");
      send(b, "general", "missed two");
    }
    try (WireClient a = connect(alice)) {
      int ack = a.request("room:join", data("room", "general", "since", lastSeen));
      assertThat(event(a.awaitAnswer(ack))).isEqualTo("ack");
      JsonObject history = data(a.next());
      assertThat(history.getAsJsonArray("messages")).extracting(m -> m.getAsJsonObject().get("text").getAsString())
          .containsExactly("missed one", "missed two");
      assertThat(history.get("hasMore").getAsBoolean()).isFalse();
    }
  }
}
