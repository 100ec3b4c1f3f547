package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.jchat.core.chat.ChatSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md section 4: room names, joining (history, then presence state), leaving, recovery
 * with {@code since}, and paging with {@code chat:history}. Send limits are raised so history
 * can be seeded quickly; LimitsConformance covers them.
 */
public abstract class RoomsConformance extends ChatConformanceSuite {

  @Override
  protected ChatSettings settings() {
    return fastRates();
  }

  /** Joins with the given data and returns the chat:history that follows the ack. */
  private static JsonObject joinWith(WireClient client, JsonObject joinData) throws Exception {
    int ack = client.request("room:join", joinData);
    JsonObject answer = client.awaitAnswer(ack);
    assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
    JsonObject history = client.next();
    assertThat(event(history)).isEqualTo("chat:history");
    assertThat(event(client.next())).isEqualTo("presence:state");
    return data(history);
  }

  /** Asks for a page with chat:history and returns the chat:history event's data. */
  private static JsonObject page(WireClient client, JsonObject historyData) throws Exception {
    int ack = client.request("chat:history", historyData);
    JsonObject answer = client.awaitAnswer(ack);
    assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
    assertThat(data(answer).keySet()).containsExactly("room");
    assertThat(data(answer).get("room").getAsString()).isEqualTo(historyData.get("room").getAsString());
    JsonObject history = client.next();
    assertThat(event(history)).isEqualTo("chat:history");
    return data(history);
  }

  private static List<String> numbered(int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      texts.add("m" + i);
    }
    return texts;
  }

  @Test
  void a_join_is_acked_with_the_room_then_sends_chat_history_then_presence_state() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      int ack = client.request("room:join", data("room", "general"));
      JsonObject answer = client.next();
      assertThat(event(answer)).isEqualTo("ack");
      assertThat(answer.get("ack").getAsInt()).isEqualTo(ack);
      assertThat(data(answer).keySet()).containsExactly("room");
      assertThat(data(answer).get("room").getAsString()).isEqualTo("general");
      JsonObject history = client.next();
      assertThat(event(history)).isEqualTo("chat:history");
      assertThat(data(history).get("room").getAsString()).isEqualTo("general");
      assertThat(data(history).getAsJsonArray("messages")).isEmpty();
      assertThat(data(history).get("hasMore").getAsBoolean()).isFalse();
      assertThat(data(history).get("since").isJsonNull()).as("a join without since answers since: null").isTrue();
      JsonObject state = client.next();
      assertThat(event(state)).isEqualTo("presence:state");
      assertThat(data(state).get("room").getAsString()).isEqualTo("general");
    }
  }

  @Test
  void room_names_follow_the_pattern_and_others_get_invalid_room() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      for (String room : List.of("General", "", "-general", "_general", "gen eral", "général", "gen/eral", "gen.eral",
          "x".repeat(65), " general", "general\n")) {
        assertThat(errorFor(client, "room:join", data("room", room))).as("room [%s]", room).isEqualTo("invalid_room");
      }
      for (String room : List.of("a", "0", "general", "dev-ops_2", "9-_", "x".repeat(64))) {
        assertThat(joinWith(client, data("room", room)).get("room").getAsString()).isEqualTo(room);
      }
    }
  }

  @Test
  void wrong_types_and_missing_fields_in_room_join_get_invalid_payload() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      for (String payload : List.of("{}", "{\"room\":5}", "{\"room\":null}", "{\"room\":[\"general\"]}",
          "{\"room\":{}}", "{\"room\":\"general\",\"since\":\"5\"}", "{\"room\":\"general\",\"since\":1.5}",
          "{\"room\":\"general\",\"since\":-1}", "{\"room\":\"general\",\"since\":true}",
          "{\"room\":\"general\",\"since\":[1]}", "{\"room\":\"general\",\"since\":1e30}")) {
        client.sendRaw("{\"event\":\"room:join\",\"ack\":90,\"data\":" + payload + "}");
        assertThat(errorCode(client.awaitAnswer(90))).as("room:join with %s", payload).isEqualTo("invalid_payload");
      }
      client.emit("room:join", null);
      assertThat(errorCode(client.next())).as("room:join without data").isEqualTo("invalid_payload");
      assertThat(errorFor(client, "room:leave", data("room", "general"))).as("no join happened").isEqualTo("not_member");
    }
  }

  @Test
  void wrong_types_and_missing_fields_in_room_leave_get_invalid_payload_and_bad_names_invalid_room()
      throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      for (String payload : List.of("{}", "{\"room\":5}", "{\"room\":null}", "{\"room\":[\"general\"]}")) {
        client.sendRaw("{\"event\":\"room:leave\",\"ack\":90,\"data\":" + payload + "}");
        assertThat(errorCode(client.awaitAnswer(90))).as("room:leave with %s", payload).isEqualTo("invalid_payload");
      }
      assertThat(errorFor(client, "room:leave", data("room", "General"))).isEqualTo("invalid_room");
      send(client, "general", "still a member");
    }
  }

  @Test
  void a_join_without_since_gets_the_newest_50_messages_and_has_more_when_older_ones_exist() throws Exception {
    Account alice = register("alice");
    try (WireClient writer = connect(alice); WireClient reader = connect(alice)) {
      join(writer, "general");
      List<Long> ids = new ArrayList<>(seed(writer, "general", 50));
      JsonObject exactly50 = joinWith(reader, data("room", "general"));
      assertThat(ids(exactly50)).isEqualTo(ids);
      assertThat(exactly50.get("hasMore").getAsBoolean()).as("no older messages").isFalse();
      ids.addAll(seed(writer, "general", 5));
      try (WireClient late = connect(alice)) {
        JsonObject newest = joinWith(late, data("room", "general"));
        assertThat(ids(newest)).isEqualTo(ids.subList(5, 55));
        assertThat(newest.get("hasMore").getAsBoolean()).as("five older messages").isTrue();
      }
    }
  }

  @Test
  void a_join_with_since_gets_exactly_the_messages_after_it_oldest_first() throws Exception {
    Account alice = register("alice");
    try (WireClient writer = connect(alice); WireClient reader = connect(alice)) {
      join(writer, "general");
      join(writer, "random");
      List<Long> ids = seed(writer, "general", 10);
      seed(writer, "random", 3);
      JsonObject missed = joinWith(reader, data("room", "general", "since", ids.get(6)));
      assertThat(texts(missed)).containsExactly("m8", "m9", "m10");
      assertThat(ids(missed)).isEqualTo(ids.subList(7, 10));
      assertThat(missed.get("hasMore").getAsBoolean()).isFalse();
      assertThat(missed.get("since").getAsLong()).isEqualTo(ids.get(6));
      long eighth = seqs(missed).get(0);
      assertThat(seqs(missed)).as("the room's next positions").containsExactly(eighth, eighth + 1, eighth + 2);
      try (WireClient upToDate = connect(alice); WireClient fromStart = connect(alice)) {
        JsonObject none = joinWith(upToDate, data("room", "general", "since", ids.get(9)));
        assertThat(none.getAsJsonArray("messages")).isEmpty();
        assertThat(none.get("hasMore").getAsBoolean()).isFalse();
        assertThat(texts(joinWith(fromStart, data("room", "general", "since", 0)))).isEqualTo(numbered(1, 10));
      }
    }
  }

  @Test
  void a_join_with_since_gets_at_most_500_messages_and_has_more_when_newer_ones_remain() throws Exception {
    Account alice = register("alice");
    try (WireClient writer = connect(alice); WireClient reader = connect(alice)) {
      join(writer, "general");
      long since = seed(writer, "general", 1).get(0);
      List<Long> ids = seed(writer, "general", 503);
      JsonObject first = joinWith(reader, data("room", "general", "since", since));
      assertThat(ids(first)).isEqualTo(ids.subList(0, 500));
      assertThat(first.get("hasMore").getAsBoolean()).isTrue();
      JsonObject rest = joinWith(reader, data("room", "general", "since", ids.get(499)));
      assertThat(ids(rest)).isEqualTo(ids.subList(500, 503));
      assertThat(rest.get("hasMore").getAsBoolean()).isFalse();
    }
  }

  @Test
  void joining_a_joined_room_again_repeats_history_and_state_without_a_new_presence_join() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(b, "general");
      join(a, "general");
      b.awaitEvent("presence:join");
      send(a, "general", "hello");
      b.awaitEvent("chat:new");
      JsonObject again = joinWith(a, data("room", "general"));
      assertThat(texts(again)).containsExactly("hello");
      assertThat(b.framesUntilPong()).as("no second presence:join").isEmpty();
      send(b, "general", "still one chat:new each");
      a.awaitEvent("chat:new");
      assertThat(a.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void a_message_sent_while_a_client_joins_is_delivered_once_either_in_history_or_as_chat_new() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient writer = connect(alice); WireClient reader = connect(bob)) {
      join(writer, "general");
      for (int round = 0; round < 5; round++) {
        String room = "race" + round;
        join(writer, room);
        List<Integer> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          sends.add(writer.request("chat:send", data("room", room, "text", "r" + i)));
        }
        int joinAck = reader.request("room:join", data("room", room));
        for (int ack : sends) {
          writer.awaitAnswer(ack);
        }
        reader.awaitAnswer(joinAck);
        List<String> seen = new ArrayList<>(texts(data(reader.awaitEvent("chat:history"))));
        while (!seen.contains("r9")) {
          seen.add(data(reader.awaitEvent("chat:new")).get("text").getAsString());
        }
        for (JsonObject frame : reader.framesUntilPong()) {
          if ("chat:new".equals(event(frame))) {
            seen.add(data(frame).get("text").getAsString());
          }
        }
        assertThat(seen).as("round %d", round).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
      }
    }
  }

  @Test
  void leaving_is_acked_with_the_room_and_stops_the_room_events() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      a.awaitEvent("presence:join");
      int ack = a.request("room:leave", data("room", "general"));
      JsonObject answer = a.awaitAnswer(ack);
      assertThat(event(answer)).isEqualTo("ack");
      assertThat(data(answer).keySet()).containsExactly("room");
      assertThat(data(answer).get("room").getAsString()).isEqualTo("general");
      send(b, "general", "after alice left");
      b.framesUntilPong();
      assertThat(a.framesUntilPong()).isEmpty();
      assertThat(errorFor(a, "chat:send", data("room", "general", "text", "hi"))).isEqualTo("not_member");
      assertThat(errorFor(a, "chat:history", data("room", "general"))).isEqualTo("not_member");
      assertThat(errorFor(a, "room:leave", data("room", "general"))).isEqualTo("not_member");
    }
  }

  @Test
  void leaving_a_room_never_joined_gets_not_member() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      assertThat(errorFor(client, "room:leave", data("room", "random"))).isEqualTo("not_member");
    }
  }

  @Test
  void chat_history_pages_backwards_with_before_and_limit_in_ascending_order() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      List<Long> ids = seed(client, "general", 25);
      JsonObject newest = page(client, data("room", "general", "limit", 10));
      assertThat(ids(newest)).isEqualTo(ids.subList(15, 25));
      assertThat(newest.get("before").isJsonNull()).as("a page without before answers before: null").isTrue();
      assertThat(newest.get("hasMore").getAsBoolean()).isTrue();
      JsonObject older = page(client, data("room", "general", "before", ids.get(15), "limit", 10));
      assertThat(ids(older)).isEqualTo(ids.subList(5, 15));
      assertThat(older.get("before").getAsLong()).isEqualTo(ids.get(15));
      assertThat(older.get("hasMore").getAsBoolean()).isTrue();
      JsonObject oldest = page(client, data("room", "general", "before", ids.get(5), "limit", 10));
      assertThat(ids(oldest)).isEqualTo(ids.subList(0, 5));
      assertThat(oldest.get("hasMore").getAsBoolean()).isFalse();
      JsonObject exact = page(client, data("room", "general", "before", ids.get(5), "limit", 5));
      assertThat(ids(exact)).isEqualTo(ids.subList(0, 5));
      assertThat(exact.get("hasMore").getAsBoolean()).as("nothing older than the first message").isFalse();
      JsonObject nothing = page(client, data("room", "general", "before", ids.get(0)));
      assertThat(nothing.getAsJsonArray("messages")).isEmpty();
      assertThat(nothing.get("hasMore").getAsBoolean()).isFalse();
    }
  }

  @Test
  void chat_history_defaults_to_50_messages_and_accepts_limits_from_1_to_100() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      List<Long> ids = seed(client, "general", 120);
      JsonObject byDefault = page(client, data("room", "general"));
      assertThat(ids(byDefault)).isEqualTo(ids.subList(70, 120));
      assertThat(byDefault.get("hasMore").getAsBoolean()).isTrue();
      assertThat(ids(page(client, data("room", "general", "limit", 1)))).containsExactly(ids.get(119));
      assertThat(ids(page(client, data("room", "general", "limit", 100)))).isEqualTo(ids.subList(20, 120));
    }
  }

  @Test
  void chat_history_with_a_limit_outside_1_to_100_or_a_bad_before_gets_invalid_payload_never_clamped()
      throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      for (String extra : List.of("\"limit\":0", "\"limit\":101", "\"limit\":-1", "\"limit\":\"5\"", "\"limit\":1.5",
          "\"limit\":true", "\"limit\":1e3", "\"before\":0", "\"before\":-5", "\"before\":\"10\"", "\"before\":2.5",
          "\"before\":[1]")) {
        client.sendRaw("{\"event\":\"chat:history\",\"ack\":90,\"data\":{\"room\":\"general\"," + extra + "}}");
        List<JsonObject> answers = client.framesUntilPong();
        assertThat(answers).as("answers to chat:history with %s", extra).hasSize(1);
        assertThat(errorCode(answers.get(0))).as("chat:history with %s", extra).isEqualTo("invalid_payload");
        assertThat(answers.get(0).get("ack").getAsInt()).isEqualTo(90);
      }
    }
  }

  @Test
  void chat_history_checks_the_room_like_every_request() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      assertThat(errorFor(client, "chat:history", data("room", "General"))).isEqualTo("invalid_room");
      assertThat(errorFor(client, "chat:history", data("room", "random"))).isEqualTo("not_member");
      for (String payload : List.of("{}", "{\"room\":5}", "{\"room\":null}")) {
        client.sendRaw("{\"event\":\"chat:history\",\"ack\":90,\"data\":" + payload + "}");
        assertThat(errorCode(client.awaitAnswer(90))).as("chat:history with %s", payload).isEqualTo("invalid_payload");
      }
    }
  }
}
