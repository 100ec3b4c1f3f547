package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  @Test
  void the_ack_of_a_send_carries_exactly_the_id_the_seq_and_the_time_of_the_stored_message() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      int ack = client.request("chat:send", data("room", "general", "text", "hi"));
      JsonObject answer = client.awaitAnswer(ack);
      assertThat(event(answer)).isEqualTo("ack");
      assertThat(data(answer).keySet()).containsExactlyInAnyOrder("id", "seq", "time");
      assertThat(data(answer).get("id").getAsLong()).isPositive();
      assertThat(data(answer).get("time").getAsString()).matches(Shapes.TIME);
      Instant time = Instant.parse(data(answer).get("time").getAsString());
      assertThat(Duration.between(time, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
      JsonObject message = data(client.awaitEvent("chat:new"));
      assertThat(message.keySet()).containsExactlyInAnyOrder("id", "seq", "room", "user", "userId", "text", "time");
      assertThat(message.get("seq").getAsLong()).isEqualTo(data(answer).get("seq").getAsLong());
    }
  }

  @Test
  void each_message_of_a_room_has_the_next_seq_whoever_sends_it_and_other_rooms_count_their_own() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob); WireClient reader = connect(register("carol"))) {
      join(a, "general");
      join(b, "general");
      join(reader, "general");
      join(a, "random");
      long first = send(a, "general", "one").get("seq").getAsLong();
      long otherRoom = send(a, "random", "elsewhere").get("seq").getAsLong();
      long second = send(b, "general", "two").get("seq").getAsLong();
      long third = send(a, "general", "three").get("seq").getAsLong();

      assertThat(List.of(second, third)).containsExactly(first + 1, first + 2);
      assertThat(otherRoom).isPositive();
      List<Long> seen = new ArrayList<>();
      while (seen.size() < 3) {
        JsonObject message = data(reader.awaitEvent("chat:new"));
        seen.add(message.get("seq").getAsLong());
      }
      assertThat(seen).containsExactly(first, first + 1, first + 2);
    }
  }

  @Test
  void html_quotes_backslashes_and_emoji_are_stored_and_sent_byte_for_byte() throws Exception {
    String text = "<script>alert(\"x\")</script> &amp; &lt;b&gt; \\ 'single' \u00e9 \u4e2d \ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67 \ud83d\udc4d\ud83c\udffd\n  second line\t";
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      send(a, "general", text);
      assertThat(data(b.awaitEvent("chat:new")).get("text").getAsString()).isEqualTo(text);
      int ack = b.request("chat:history", data("room", "general"));
      b.awaitAnswer(ack);
      assertThat(texts(data(b.awaitEvent("chat:history")))).containsExactly(text);
      HttpResponse<String> page = get("/api/rooms/general/messages", bob.token());
      assertThat(texts(json(page))).containsExactly(text);
    }
    try (WireClient c = connect(alice)) {
      join(c, "general");
      c.emit("chat:history", data("room", "general"));
      String rawHistory = c.nextRaw();
      while (!rawHistory.startsWith("{\"event\":\"chat:history\"")) {
        rawHistory = c.nextRaw(); // a presence change of the clients closed above may come first
      }
      assertThat(rawHistory).as("no HTML escaping on the wire").contains("<script>").doesNotContain("\\u003c");
    }
  }

  @Test
  void a_message_text_arrives_unchanged_in_chat_new() throws Exception {
    String text = "<img src=x onerror=alert(1)> \ud83d\ude00 &#x27; \"";
    Account alice = register("alice");
    try (WireClient a = connect(alice)) {
      join(a, "general");
      a.emit("chat:send", data("room", "general", "text", text));
      String raw = a.nextRaw();
      assertThat(raw).startsWith("{\"event\":\"chat:new\"").contains("<img src=x onerror=alert(1)>");
      assertThat(Frames.parse(raw).getAsJsonObject("data").get("text").getAsString()).isEqualTo(text);
    }
  }

  @Test
  void empty_and_white_space_only_texts_get_invalid_message() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      for (String text : List.of("", " ", "   \n\t  ", "\n\n", "\u2003\u3000")) {
        assertThat(errorFor(client, "chat:send", data("room", "general", "text", text)))
            .as("text [%s]", text).isEqualTo("invalid_message");
      }
      assertThat(client.framesUntilPong()).as("nothing was broadcast").isEmpty();
    }
  }

  @Test
  void a_text_of_2001_code_points_gets_invalid_message_and_2000_are_accepted() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      assertThat(errorFor(client, "chat:send", data("room", "general", "text", "a".repeat(2001))))
          .isEqualTo("invalid_message");
      assertThat(errorFor(client, "chat:send", data("room", "general", "text", "\ud83d\ude00".repeat(2001))))
          .isEqualTo("invalid_message");
      send(client, "general", "a".repeat(2000));
      assertThat(data(client.awaitEvent("chat:new")).get("text").getAsString()).hasSize(2000);
    }
  }

  @Test
  void a_text_of_2000_emoji_is_accepted_although_it_is_4000_utf16_units_and_8000_bytes() throws Exception {
    String emoji = "\ud83d\ude00".repeat(2000);
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      send(client, "general", emoji);
      assertThat(data(client.awaitEvent("chat:new")).get("text").getAsString()).isEqualTo(emoji);
    }
  }

  @Test
  void the_length_is_counted_after_stripping_but_the_stored_text_keeps_its_white_space() throws Exception {
    String text = "  \n" + "b".repeat(2000) + "\n\t ";
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      send(client, "general", text);
      assertThat(data(client.awaitEvent("chat:new")).get("text").getAsString()).isEqualTo(text);
      send(client, "general", "  padded  ");
      assertThat(data(client.awaitEvent("chat:new")).get("text").getAsString()).isEqualTo("  padded  ");
    }
  }

  @Test
  void control_characters_including_carriage_return_get_invalid_message_but_newline_and_tab_pass() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      for (String control : List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\r", "\r\n",
          "\u000e", "\u001b", "\u001f")) {
        String text = "line one" + control + "line two";
        assertThat(errorFor(client, "chat:send", data("room", "general", "text", text)))
            .as("text with U+%04X", (int) control.charAt(0)).isEqualTo("invalid_message");
      }
      send(client, "general", "line one\nline two\tcolumn");
      assertThat(data(client.awaitEvent("chat:new")).get("text").getAsString()).isEqualTo("line one\nline two\tcolumn");
    }
  }

  @Test
  void wrong_types_and_missing_fields_in_chat_send_get_invalid_payload() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      List<String> payloads = List.of("{}", "{\"room\":\"general\"}", "{\"text\":\"hi\"}",
          "{\"room\":\"general\",\"text\":5}", "{\"room\":\"general\",\"text\":null}",
          "{\"room\":\"general\",\"text\":[\"hi\"]}", "{\"room\":\"general\",\"text\":{\"t\":\"hi\"}}",
          "{\"room\":5,\"text\":\"hi\"}", "{\"room\":null,\"text\":\"hi\"}", "{\"room\":[\"general\"],\"text\":\"hi\"}",
          "{\"room\":\"general\",\"text\":\"hi\",\"clientMsgId\":5}",
          "{\"room\":\"general\",\"text\":\"hi\",\"clientMsgId\":true}",
          "{\"room\":\"general\",\"text\":\"hi\",\"clientMsgId\":{}}");
      for (String payload : payloads) {
        client.sendRaw("{\"event\":\"chat:send\",\"ack\":90,\"data\":" + payload + "}");
        JsonObject answer = client.awaitAnswer(90);
        assertThat(errorCode(answer)).as("chat:send with %s", payload).isEqualTo("invalid_payload");
      }
      client.emit("chat:send", null);
      assertThat(errorCode(client.next())).as("chat:send without data").isEqualTo("invalid_payload");
      assertThat(client.framesUntilPong()).as("nothing was broadcast").isEmpty();
    }
  }

  @Test
  void a_client_msg_id_of_1_to_64_characters_is_accepted_and_others_get_invalid_payload() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      for (String id : List.of("", "x".repeat(65), "\ud83d\ude00".repeat(65))) {
        assertThat(errorFor(client, "chat:send", data("room", "general", "text", "hi", "clientMsgId", id)))
            .as("clientMsgId of %d characters", id.codePointCount(0, id.length())).isEqualTo("invalid_payload");
      }
      for (String id : List.of("a", "y".repeat(64), "\ud83d\ude00".repeat(64))) {
        int ack = client.request("chat:send", data("room", "general", "text", "hi", "clientMsgId", id));
        assertThat(event(client.awaitAnswer(ack))).as("clientMsgId of %d characters", id.codePointCount(0, id.length()))
            .isEqualTo("ack");
        assertThat(data(client.awaitEvent("chat:new")).get("clientMsgId").getAsString()).isEqualTo(id);
      }
    }
  }

  @Test
  void a_room_that_is_not_a_valid_name_gets_invalid_room() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      for (String room : List.of("General", "", "-general", "a b", "x".repeat(65))) {
        assertThat(errorFor(client, "chat:send", data("room", room, "text", "hi"))).as("room [%s]", room)
            .isEqualTo("invalid_room");
      }
    }
  }

  @Test
  void sending_to_a_room_the_connection_has_not_joined_gets_not_member_even_if_another_connection_of_the_user_did()
      throws Exception {
    Account alice = register("alice");
    try (WireClient member = connect(alice); WireClient other = connect(alice)) {
      join(member, "general");
      assertThat(errorFor(other, "chat:send", data("room", "general", "text", "hi"))).isEqualTo("not_member");
      assertThat(errorFor(other, "chat:send", data("room", "random", "text", "hi"))).isEqualTo("not_member");
      assertThat(member.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void a_spoofed_user_or_user_id_in_chat_send_is_ignored() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      JsonObject spoofed = data("room", "general", "text", "I am bob", "user", bob.name(), "userId", bob.id(),
          "id", 999999, "time", "2000-01-01T00:00:00.000Z");
      JsonObject nested = new JsonObject();
      nested.addProperty("id", bob.id());
      nested.addProperty("name", bob.name());
      spoofed.add("author", nested);
      int ack = a.request("chat:send", spoofed);
      JsonObject sent = data(a.awaitAnswer(ack));
      JsonObject message = data(b.awaitEvent("chat:new"));
      assertThat(message.get("user").getAsString()).isEqualTo(alice.name());
      assertThat(message.get("userId").getAsLong()).isEqualTo(alice.id());
      assertThat(message.get("id").getAsLong()).isEqualTo(sent.get("id").getAsLong()).isNotEqualTo(999999);
      assertThat(message.get("time").getAsString()).isNotEqualTo("2000-01-01T00:00:00.000Z");
    }
  }

  @Test
  void a_client_msg_id_sent_twice_on_one_connection_is_stored_and_broadcast_once() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      a.awaitEvent("presence:join");
      int first = a.request("chat:send", data("room", "general", "text", "once", "clientMsgId", "c-1"));
      JsonObject firstAck = data(a.awaitAnswer(first));
      a.awaitEvent("chat:new");
      int second = a.request("chat:send", data("room", "general", "text", "once again?", "clientMsgId", "c-1"));
      JsonObject secondAnswer = a.next();
      assertThat(secondAnswer.get("ack").getAsInt()).as("the next frame answers the repeat").isEqualTo(second);
      assertThat(data(secondAnswer)).isEqualTo(firstAck);
      assertThat(a.framesUntilPong()).as("no second chat:new").isEmpty();
      JsonObject message = data(b.awaitEvent("chat:new"));
      assertThat(message.get("clientMsgId").getAsString()).isEqualTo("c-1");
      assertThat(message.get("text").getAsString()).isEqualTo("once");
      assertThat(b.framesUntilPong()).as("no second chat:new").isEmpty();
      int ack = b.request("chat:history", data("room", "general"));
      b.awaitAnswer(ack);
      assertThat(texts(data(b.awaitEvent("chat:history")))).containsExactly("once");
    }
  }

  @Test
  void a_client_msg_id_from_two_connections_of_one_user_gives_the_same_id_and_time_and_one_chat_new()
      throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a1 = connect(alice); WireClient a2 = connect(alice); WireClient b = connect(bob)) {
      join(b, "general");
      join(a1, "general");
      join(a2, "general");
      b.awaitEvent("presence:join");
      int first = a1.request("chat:send", data("room", "general", "text", "retry me", "clientMsgId", "dup"));
      JsonObject firstAck = data(a1.awaitAnswer(first));
      for (WireClient client : List.of(a1, a2, b)) {
        assertThat(data(client.awaitEvent("chat:new")).get("id").getAsLong()).isEqualTo(firstAck.get("id").getAsLong());
      }
      int second = a2.request("chat:send", data("room", "general", "text", "retry me", "clientMsgId", "dup"));
      JsonObject secondAnswer = a2.next();
      assertThat(secondAnswer.get("ack").getAsInt()).as("the next frame answers the repeat").isEqualTo(second);
      assertThat(data(secondAnswer).get("id").getAsLong()).isEqualTo(firstAck.get("id").getAsLong());
      assertThat(data(secondAnswer).get("time").getAsString()).isEqualTo(firstAck.get("time").getAsString());
      for (WireClient client : List.of(a1, a2, b)) {
        assertThat(client.framesUntilPong()).as("no second chat:new").isEmpty();
      }
    }
  }

  @Test
  void the_same_client_msg_id_from_two_users_makes_two_messages() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      int first = a.request("chat:send", data("room", "general", "text", "from alice", "clientMsgId", "same"));
      long aliceId = data(a.awaitAnswer(first)).get("id").getAsLong();
      int second = b.request("chat:send", data("room", "general", "text", "from bob", "clientMsgId", "same"));
      long bobId = data(b.awaitAnswer(second)).get("id").getAsLong();
      assertThat(bobId).isNotEqualTo(aliceId);
      int ack = b.request("chat:history", data("room", "general"));
      b.awaitAnswer(ack);
      assertThat(texts(data(b.awaitEvent("chat:history")))).containsExactly("from alice", "from bob");
    }
  }

  @Test
  void members_of_other_rooms_do_not_get_the_message() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "random");
      send(a, "general", "only for general");
      assertThat(b.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void every_connection_receives_chat_new_in_strictly_increasing_id_order_under_concurrent_senders()
      throws Exception {
    int senders = 4;
    int perSender = 20;
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      accounts.add(register("sender"));
    }
    List<WireClient> clients = new ArrayList<>();
    try {
      for (Account account : accounts) {
        WireClient client = connect(account);
        join(client, "general");
        clients.add(client);
      }
      WireClient listener = connect(accounts.get(0));
      join(listener, "general");
      clients.add(listener);
      ExecutorService pool = Executors.newFixedThreadPool(senders);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
          WireClient sender = clients.get(s);
          done.add(pool.submit(() -> {
            for (int i = 0; i < perSender; i++) {
              sender.emit("chat:send", data("room", "general", "text", "burst " + i));
            }
            return null;
          }));
        }
        for (Future<?> future : done) {
          future.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      for (WireClient client : clients) {
        long last = 0;
        for (int i = 0; i < senders * perSender; i++) {
          long id = data(client.awaitEvent("chat:new")).get("id").getAsLong();
          assertThat(id).as("chat:new number %d", i + 1).isGreaterThan(last);
          last = id;
        }
      }
    } finally {
      clients.forEach(WireClient::close);
    }
  }
}
