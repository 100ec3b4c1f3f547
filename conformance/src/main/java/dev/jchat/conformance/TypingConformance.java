package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.jchat.core.chat.ChatSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md section 4 on typing: to the other users only, at most one start per throttle window,
 * and a stop on request, after the timeout, on a send and on leaving. The throttle keeps its 2 s;
 * the automatic stop comes after 700 ms instead of 5 s so that it shows quickly.
 */
public abstract class TypingConformance extends ChatConformanceSuite {
  private static final Duration TYPING_TIMEOUT = Duration.ofMillis(700);

  @Override
  protected ChatSettings settings() {
    return ChatSettings.builder().typing(new ChatSettings.TypingRules(Duration.ofSeconds(2), TYPING_TIMEOUT)).build();
  }

  /** Sends typing:start or typing:stop and asserts the empty ack. */
  private static void typing(WireClient client, String event) throws Exception {
    int ack = client.request(event, data("room", "general"));
    JsonObject answer = client.awaitAnswer(ack);
    assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
    assertThat(data(answer).keySet()).isEmpty();
  }

  private static void assertTyping(JsonObject frame, Account typist, boolean typing) {
    assertThat(event(frame)).isEqualTo("typing");
    JsonObject data = data(frame);
    assertThat(data.keySet()).containsExactlyInAnyOrder("room", "user", "typing");
    assertThat(data.get("room").getAsString()).isEqualTo("general");
    assertThat(data.getAsJsonObject("user").get("id").getAsLong()).isEqualTo(typist.id());
    assertThat(data.getAsJsonObject("user").get("name").getAsString()).isEqualTo(typist.name());
    assertThat(data.get("typing").getAsBoolean()).isEqualTo(typing);
  }

  @Test
  void typing_start_reaches_the_other_users_but_none_of_the_typists_connections() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a1 = connect(alice); WireClient a2 = connect(alice); WireClient b = connect(bob)) {
      join(a1, "general");
      join(a2, "general");
      join(b, "general");
      typing(a1, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
      assertThat(a1.framesUntilPong()).extracting(Frames::event).doesNotContain("typing");
      assertThat(a2.framesUntilPong()).extracting(Frames::event).doesNotContain("typing");
    }
  }

  @Test
  void a_second_start_within_the_throttle_window_is_not_forwarded_even_from_another_connection_of_the_user()
      throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient a2 = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(a2, "general");
      join(b, "general");
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
      typing(a, "typing:start");
      typing(a, "typing:start");
      typing(a2, "typing:start");
      assertThat(b.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void typing_stop_sends_typing_false_and_resets_the_throttle() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      a.awaitEvent("presence:join");
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
      typing(a, "typing:stop");
      assertTyping(b.awaitEvent("typing"), alice, false);
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
      assertThat(a.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void typing_false_follows_by_itself_after_the_timeout() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      long start = System.nanoTime();
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
      assertTyping(b.awaitEvent("typing"), alice, false);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TYPING_TIMEOUT);
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
    }
  }

  @Test
  void sending_a_message_sends_typing_false_and_resets_the_throttle() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
      send(a, "general", "done typing");
      assertTyping(b.awaitEvent("typing"), alice, false);
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
    }
  }

  @Test
  void leaving_the_room_or_disconnecting_sends_typing_false() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    Account carol = register("carol");
    try (WireClient a = connect(alice); WireClient b = connect(bob); WireClient c = connect(carol)) {
      join(a, "general");
      join(b, "general");
      join(c, "general");
      typing(a, "typing:start");
      assertTyping(b.awaitEvent("typing"), alice, true);
      int ack = a.request("room:leave", data("room", "general"));
      a.awaitAnswer(ack);
      assertTyping(b.awaitEvent("typing"), alice, false);

      typing(c, "typing:start");
      assertTyping(b.awaitEvent("typing"), carol, true);
      c.close();
      assertTyping(b.awaitEvent("typing"), carol, false);
    }
  }

  @Test
  void typing_in_a_room_not_joined_a_bad_room_or_a_bad_payload_is_refused() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      for (String event : List.of("typing:start", "typing:stop")) {
        assertThat(errorFor(client, event, data("room", "random"))).as(event).isEqualTo("not_member");
        assertThat(errorFor(client, event, data("room", "Random!"))).as(event).isEqualTo("invalid_room");
        for (String payload : List.of("{}", "{\"room\":5}", "{\"room\":null}", "{\"room\":[\"general\"]}")) {
          client.sendRaw("{\"event\":\"" + event + "\",\"ack\":90,\"data\":" + payload + "}");
          assertThat(errorCode(client.awaitAnswer(90))).as("%s with %s", event, payload).isEqualTo("invalid_payload");
        }
      }
    }
  }
}
