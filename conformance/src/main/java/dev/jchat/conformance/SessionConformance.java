package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.local.SystemClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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
    String expired = chat.token(user(alice), Duration.ofSeconds(-5));
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

  // --- more tokens that must fail ---

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject payloadOf(String token) {
    String payload = token.split("\\.")[1];
    return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  /** Auth with the token (with an ack) must get auth_failed answering that ack, then close 4401. */
  private void assertAuthFails(JsonObject authData) throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      int ack = client.request("auth", authData);
      JsonObject answer = client.next();
      assertThat(errorCode(answer)).as("answer to auth with %s", authData).isEqualTo("auth_failed");
      assertThat(answer.get("ack").getAsInt()).isEqualTo(ack);
      assertThat(client.awaitClose()).as("close after auth with %s", authData).isEqualTo(4401);
    }
  }

  @Test
  void an_alg_none_token_gets_auth_failed_and_close_4401() throws Exception {
    Account alice = register("alice");
    String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(payloadOf(alice.token()).toString()) + ".";
    assertAuthFails(data("token", unsigned));
    String noneWithOldSignature = unsigned + alice.token().substring(alice.token().lastIndexOf('.') + 1);
    assertAuthFails(data("token", noneWithOldSignature));
  }

  @Test
  void a_token_with_a_tampered_payload_gets_auth_failed_and_close_4401() throws Exception {
    Account alice = register("alice");
    String[] parts = alice.token().split("\\.");
    JsonObject payload = payloadOf(alice.token());
    payload.addProperty("sub", Long.toString(alice.id() + 1));
    payload.addProperty("name", "mallory");
    assertAuthFails(data("token", parts[0] + "." + base64(payload.toString()) + "." + parts[2]));
    JsonObject longer = payloadOf(alice.token());
    longer.addProperty("exp", longer.get("exp").getAsLong() + 3600L * 24 * 365);
    assertAuthFails(data("token", parts[0] + "." + base64(longer.toString()) + "." + parts[2]));
  }

  @Test
  void a_token_signed_with_another_secret_gets_auth_failed_and_close_4401() throws Exception {
    Account alice = register("alice");
    try (SystemClock clock = new SystemClock()) {
      byte[] otherSecret = "another-deployment-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
      String foreign = new JwtTokenService(otherSecret, Duration.ofHours(1), clock).issue(user(alice));
      assertAuthFails(data("token", foreign));
    }
  }

  @Test
  void a_missing_empty_malformed_or_non_string_token_gets_auth_failed_and_close_4401() throws Exception {
    assertAuthFails(new JsonObject());
    assertAuthFails(data("token", ""));
    assertAuthFails(data("token", "not.a.jwt"));
    assertAuthFails(data("token", "garbage"));
    assertAuthFails(data("token", 12345));
    assertAuthFails(data("token", true));
    try (WireClient client = WireClient.connect(ws())) {
      int ack = client.request("auth", null);
      assertThat(errorCode(client.awaitAnswer(ack))).as("auth without data").isEqualTo("auth_failed");
      assertThat(client.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void a_failed_auth_without_ack_gets_chat_error_without_ack_then_close_4401() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.emit("auth", data("token", "garbage"));
      JsonObject answer = client.next();
      assertThat(errorCode(answer)).isEqualTo("auth_failed");
      assertThat(answer.has("ack")).isFalse();
      assertThat(client.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void an_auth_without_ack_is_answered_only_by_the_session_event() throws Exception {
    Account alice = register("alice");
    try (WireClient client = WireClient.connect(ws())) {
      client.emit("auth", data("token", alice.token()));
      JsonObject session = client.next();
      assertThat(event(session)).isEqualTo("session");
      assertThat(data(session).getAsJsonObject("user").get("id").getAsLong()).isEqualTo(alice.id());
      assertThat(data(session).getAsJsonObject("user").get("name").getAsString()).isEqualTo(alice.name());
      assertThat(client.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void the_session_event_repeats_the_ack_data_and_each_connection_gets_its_own_id() throws Exception {
    Account alice = register("alice");
    try (WireClient first = WireClient.connect(ws()); WireClient second = WireClient.connect(ws())) {
      String[] ids = new String[2];
      WireClient[] clients = {first, second};
      for (int i = 0; i < 2; i++) {
        int ack = clients[i].request("auth", data("token", alice.token()));
        JsonObject answer = clients[i].next();
        assertThat(answer.get("ack").getAsInt()).isEqualTo(ack);
        JsonObject session = clients[i].next();
        assertThat(event(session)).isEqualTo("session");
        assertThat(data(session)).isEqualTo(data(answer));
        ids[i] = data(session).get("connectionId").getAsString();
      }
      assertThat(ids[0]).isNotBlank().isNotEqualTo(ids[1]);
    }
  }

  @Test
  void a_second_auth_gets_invalid_payload_and_the_session_stays_as_it_was() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient client = connect(alice)) {
      assertThat(errorFor(client, "auth", data("token", bob.token()))).isEqualTo("invalid_payload");
      assertThat(errorFor(client, "auth", data("token", "garbage"))).isEqualTo("invalid_payload");
      join(client, "general");
      send(client, "general", "still alice");
      JsonObject message = data(client.awaitEvent("chat:new"));
      assertThat(message.get("userId").getAsLong()).isEqualTo(alice.id());
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  void every_event_but_ping_before_auth_gets_unauthenticated_and_is_not_processed() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient observer = connect(bob); WireClient client = WireClient.connect(ws())) {
      join(observer, "general");
      for (String event : List.of("room:join", "room:leave", "chat:history", "typing:start", "typing:stop")) {
        assertThat(errorFor(client, event, data("room", "general"))).as(event).isEqualTo("unauthenticated");
      }
      assertThat(errorFor(client, "chat:send", data("room", "general", "text", "sneaky")))
          .isEqualTo("unauthenticated");
      client.emit("room:join", data("room", "general"));
      JsonObject answer = client.next();
      assertThat(errorCode(answer)).isEqualTo("unauthenticated");
      assertThat(answer.has("ack")).isFalse();

      int ack = client.request("auth", data("token", alice.token()));
      assertThat(event(client.awaitAnswer(ack))).isEqualTo("ack");
      assertThat(errorFor(client, "chat:history", data("room", "general"))).isEqualTo("not_member");
      assertThat(observer.framesUntilPong()).as("no presence, message or typing reached the room").isEmpty();
    }
  }

  @Test
  void nothing_is_joined_implicitly_after_auth() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      assertThat(errorFor(client, "chat:send", data("room", "general", "text", "hi"))).isEqualTo("not_member");
      assertThat(errorFor(client, "chat:history", data("room", "general"))).isEqualTo("not_member");
      assertThat(errorFor(client, "room:leave", data("room", "general"))).isEqualTo("not_member");
    }
  }

  @Test
  void a_token_issued_by_another_instance_with_the_same_secret_is_accepted() throws Exception {
    Account alice = register("alice");
    String fromElsewhere = chat.token(user(alice), Duration.ofHours(1));
    assertThat(fromElsewhere).isNotEqualTo(alice.token());
    try (WireClient client = connect(new Account(fromElsewhere, alice.id(), alice.name()))) {
      join(client, "general");
    }
  }

  @Test
  void a_token_that_expires_during_the_connection_closes_it_with_4401() throws Exception {
    Account alice = register("alice");
    String shortLived = chat.token(user(alice), Duration.ofSeconds(2));
    try (WireClient client = WireClient.connect(ws())) {
      int ack = client.request("auth", data("token", shortLived));
      assertThat(event(client.awaitAnswer(ack))).isEqualTo("ack");
      join(client, "general");
      assertThat(client.awaitClose(Duration.ofSeconds(10))).isEqualTo(4401);
    }
  }

  @Test
  void a_server_that_shuts_down_closes_every_connection_with_1001() throws Exception {
    Account alice = register("alice");
    try (WireClient authenticated = connect(alice); WireClient anonymous = WireClient.connect(ws())) {
      join(authenticated, "general");
      server.close();
      assertThat(authenticated.awaitClose()).isEqualTo(1001);
      assertThat(anonymous.awaitClose()).isEqualTo(1001);
    }
  }
}
