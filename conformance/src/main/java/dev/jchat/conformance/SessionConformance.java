package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md section 3: auth first, tokens checked, sessions announced. */
public abstract class SessionConformance extends ChatConformanceSuite {

  @Test
  void a_valid_token_is_answered_with_an_ack_and_then_a_session_event() throws Exception {
    Account alice = register("alice");
    try (WireClient client = WireClient.connect(ws())) {
      int ack = client.request("auth", data("token", alice.token()));
      JsonObject answer = client.next();
      assertThat(event(answer)).isEqualTo("ack");
      assertThat(answer.get("ack").getAsInt()).isEqualTo(ack);
      JsonObject user = data(answer).getAsJsonObject("user");
      assertThat(user.get("id").getAsLong()).isEqualTo(alice.id());
      assertThat(user.get("name").getAsString()).isEqualTo(alice.name());
      String connectionId = data(answer).get("connectionId").getAsString();

      JsonObject session = client.next();
      assertThat(event(session)).isEqualTo("session");
      assertThat(session.has("ack")).isFalse();
      assertThat(data(session).get("connectionId").getAsString()).isEqualTo(connectionId);
    }
  }

  @Test
  void a_forged_token_gets_auth_failed_and_close_4401() throws Exception {
    Account alice = register("alice");
    String forged = alice.token().substring(0, alice.token().lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    try (WireClient client = WireClient.connect(ws())) {
      int ack = client.request("auth", data("token", forged));
      JsonObject answer = client.next();
      assertThat(errorCode(answer)).isEqualTo("auth_failed");
      assertThat(answer.get("ack").getAsInt()).isEqualTo(ack);
      assertThat(client.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void an_expired_token_gets_auth_failed_and_close_4401() throws Exception {
    Account alice = register("alice");
    String expired = chat.token(new dev.jchat.core.domain.User(alice.id(), alice.name()), Duration.ofSeconds(-5));
    try (WireClient client = WireClient.connect(ws())) {
      client.request("auth", data("token", expired));
      assertThat(errorCode(client.next())).isEqualTo("auth_failed");
      assertThat(client.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void events_before_auth_are_refused_as_unauthenticated_but_ping_is_answered() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      assertThat(errorFor(client, "room:join", data("room", "general"))).isEqualTo("unauthenticated");
      client.emit("ping", null);
      assertThat(event(client.next())).isEqualTo("pong");
    }
  }
}
