package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md sections 3 and 6: per-connection token buckets (sends 10/s burst 20, typing 5/s burst
 * 5, frames 50/s burst 50), the close after more than 100 rate_limited answers a minute, and the
 * 20-connection cap per user. Requests are pipelined, so each burst reaches the server in a few
 * milliseconds; the assertions leave room for the refill a slow machine may add.
 */
public abstract class LimitsConformance extends ChatConformanceSuite {

  /** Sends the requests without waiting, then collects the answer to each, in order. */
  private static List<JsonObject> pipelined(WireClient client, String event, JsonObject data, int count)
      throws Exception {
    List<Integer> acks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      acks.add(client.request(event, data));
    }
    List<JsonObject> answers = new ArrayList<>();
    for (int ack : acks) {
      answers.add(client.awaitAnswer(ack));
    }
    return answers;
  }

  /** A raw connection, authenticated, in room general when {@code join} is set. */
  private RawWebSocket rawSession(Account account, boolean join) throws Exception {
    RawWebSocket raw = RawWebSocket.connect(server.port(), Map.of());
    raw.sendText("{\"event\":\"auth\",\"ack\":1,\"data\":{\"token\":\"" + account.token() + "\"}}");
    assertThat(Frames.event(answers(raw, 1).get(0))).isEqualTo("ack");
    if (join) {
      raw.sendText("{\"event\":\"room:join\",\"ack\":2,\"data\":{\"room\":\"general\"}}");
      assertThat(Frames.event(answers(raw, 1).get(0))).isEqualTo("ack");
    }
    return raw;
  }

  /**
   * Sends {@code count} copies of the frame (numbered acks from 100 when {@code withAck}) in one
   * write, so the whole burst reaches the server at once, and returns the answers in order.
   */
  private static List<JsonObject> burst(RawWebSocket raw, String event, String data, int count, boolean withAck)
      throws Exception {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add("{\"event\":\"" + event + "\"" + (data == null ? "" : ",\"data\":" + data)
          + (withAck ? ",\"ack\":" + (100 + i) : "") + "}");
    }
    raw.sendTexts(frames);
    return answers(raw, count);
  }

  /** The next {@code count} answers (acks and errors), skipping broadcasts, pongs and the session. */
  private static List<JsonObject> answers(RawWebSocket raw, int count) throws Exception {
    List<JsonObject> answers = new ArrayList<>();
    while (answers.size() < count) {
      RawWebSocket.Frame frame = raw.read(WireClient.TIMEOUT);
      assertThat(frame).as("frame %d of %d", answers.size() + 1, count).isNotNull();
      assertThat(frame.opcode()).as(frame.text()).isEqualTo(RawWebSocket.TEXT);
      JsonObject parsed = Frames.parse(frame.text());
      assertThat(Shapes.problems(parsed)).as(frame.text()).isEmpty();
      if ("ack".equals(event(parsed)) || "chat:error".equals(event(parsed))) {
        answers.add(parsed);
      }
    }
    return answers;
  }

  @Test
  void a_burst_of_20_sends_is_accepted_and_more_get_rate_limited_and_are_not_stored() throws Exception {
    Account alice = register("alice");
    try (RawWebSocket raw = rawSession(alice, true)) {
      List<JsonObject> answers = burst(raw, "chat:send", "{\"room\":\"general\",\"text\":\"spam\"}", 35, true);
      assertThat(answers.subList(0, 20)).extracting(Frames::event).containsOnly("ack");
      assertThat(answers.subList(20, 35)).extracting(Frames::errorCode).contains("rate_limited");
      long stored = answers.stream().filter(a -> "ack".equals(event(a))).count();
      assertThat(texts(json(get("/api/rooms/general/messages?limit=100", alice.token())))).hasSize((int) stored);
    }
  }

  @Test
  void a_burst_of_5_typing_events_is_accepted_and_more_get_rate_limited() throws Exception {
    Account alice = register("alice");
    try (RawWebSocket raw = rawSession(alice, true)) {
      List<JsonObject> answers = burst(raw, "typing:start", "{\"room\":\"general\"}", 10, true);
      assertThat(answers.subList(0, 5)).extracting(Frames::event).containsOnly("ack");
      assertThat(answers.subList(5, 10)).extracting(Frames::errorCode).contains("rate_limited");
    }
  }

  @Test
  void a_burst_of_50_frames_is_accepted_and_more_get_rate_limited_before_auth_too() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), Map.of())) {
      List<JsonObject> answers = burst(raw, "ping", null, 70, true);
      assertThat(answers.subList(0, 50)).extracting(Frames::event).containsOnly("ack");
      assertThat(answers.subList(50, 70)).extracting(Frames::errorCode).contains("rate_limited");
      raw.sendText("{\"event\":\"nope\"}");
      assertThat(answers(raw, 1)).as("still open").hasSize(1);
    }
  }

  @Test
  void a_rate_limited_frame_without_ack_gets_chat_error_without_ack() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), Map.of())) {
      List<JsonObject> answers = burst(raw, "nope", null, 80, false);
      assertThat(answers).allSatisfy(answer -> assertThat(answer.has("ack")).isFalse());
      assertThat(answers.subList(50, 80)).extracting(Frames::errorCode).contains("rate_limited");
    }
  }

  /**
   * Requests go in batches of 10 and the last ones one at a time, so the server has read everything
   * when it closes: a server that closes with unread frames in its socket resets the TCP connection,
   * and the client may then lose the close frame (Jetty ends the connection at once after a close
   * code other than 1000 and 1001).
   */
  @Test
  void more_than_100_rate_limited_answers_within_a_minute_close_the_connection_with_1008() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      int limited = 0;
      int requests = 0;
      while (limited <= 100) {
        assertThat(client.isClosed()).as("closed after %d rate_limited answers", limited).isFalse();
        int batch = limited < 90 ? 10 : 1;
        for (JsonObject answer : pipelined(client, "ping", null, batch)) {
          if ("rate_limited".equals(errorCode(answer))) {
            limited++;
          }
        }
        requests += batch;
        assertThat(requests).as("requests before 101 were rate-limited").isLessThan(2000);
      }
      assertThat(client.awaitClose()).as("close code (error: %s)", client.error()).isEqualTo(1008);
    }
  }

  @Test
  void a_user_holds_at_most_20_connections_and_the_21st_auth_gets_rate_limited_and_close_1008() throws Exception {
    Account alice = register("alice");
    List<WireClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        clients.add(connect(alice));
      }
      try (WireClient extra = WireClient.connect(ws())) {
        int ack = extra.request("auth", data("token", alice.token()));
        JsonObject answer = extra.next();
        assertThat(errorCode(answer)).isEqualTo("rate_limited");
        assertThat(answer.get("ack").getAsInt()).isEqualTo(ack);
        assertThat(extra.awaitClose()).isEqualTo(1008);
      }
      Account bob = register("bob");
      connect(bob).close();

      clients.remove(0).close();
      awaitCondition(() -> json(get("/health", null)).get("connections").getAsInt() == 19,
          "the server sees the closed connection");
      clients.add(connect(alice));
      assertThat(clients.get(19).framesUntilPong()).isEmpty();
    } finally {
      clients.forEach(WireClient::close);
    }
  }
}
