package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md section 2: one JSON object per text frame, acks, bad frames, size and type limits. */
public abstract class FramingConformance extends ChatConformanceSuite {

  /** Asserts that the frame got exactly one chat:error with the code and no ack, and was not executed. */
  private static void assertRefusedWithoutAck(WireClient client, String frame, String code) throws Exception {
    client.sendRaw(frame);
    List<JsonObject> answers = client.framesUntilPong();
    assertThat(answers).as("answers to %s", frame).hasSize(1);
    assertThat(errorCode(answers.get(0))).as("answer to %s", frame).isEqualTo(code);
    assertThat(answers.get(0).has("ack")).as("answer to %s", frame).isFalse();
  }

  /** A frame of exactly {@code bytes} UTF-8 bytes: a ping padded with the given character. */
  private static String pingOfSize(int bytes, String padding) {
    String head = "{\"event\":\"ping\",\"pad\":\"";
    String tail = "\"}";
    int room = bytes - head.length() - tail.length();
    int unit = padding.getBytes(StandardCharsets.UTF_8).length;
    String frame = head + padding.repeat(room / unit) + "x".repeat(room % unit) + tail;
    assertThat(frame.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return frame;
  }

  @Test
  void a_frame_that_is_not_json_gets_bad_json_without_ack_and_the_connection_stays_open() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      for (String frame : List.of("{\"event\":\"ping\"", "not json", "", " ", "{event:\"ping\"}",
          "{'event':'ping'}", "{\"event\":\"ping\",}", "{\"event\":\"ping\" /* comment */}")) {
        assertRefusedWithoutAck(client, frame, "bad_json");
      }
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  void an_array_a_number_a_string_or_null_is_not_a_frame_and_gets_bad_json() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      for (String frame : List.of("[{\"event\":\"ping\",\"ack\":5}]", "[]", "42", "\"ping\"", "null", "true")) {
        assertRefusedWithoutAck(client, frame, "bad_json");
      }
    }
  }

  @Test
  void an_object_followed_by_more_data_gets_bad_json_and_is_not_executed() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      String send = data("room", "general", "text", "smuggled").toString();
      for (String frame : List.of(
          "{\"event\":\"chat:send\",\"data\":" + send + ",\"ack\":50}{\"event\":\"ping\"}",
          "{\"event\":\"chat:send\",\"data\":" + send + ",\"ack\":51} {}",
          "{\"event\":\"chat:send\",\"data\":" + send + ",\"ack\":52}x",
          "{\"event\":\"chat:send\",\"data\":" + send + ",\"ack\":53}]")) {
        assertRefusedWithoutAck(client, frame, "bad_json");
      }
      int ack = client.request("chat:history", data("room", "general"));
      client.awaitAnswer(ack);
      assertThat(texts(data(client.awaitEvent("chat:history")))).isEmpty();
    }
  }

  @Test
  void a_frame_without_an_event_or_with_an_unknown_one_gets_unknown_event() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      for (String frame : List.of("{}", "{\"data\":{}}", "{\"event\":\"nope\"}", "{\"event\":\"\"}",
          "{\"event\":\"PING\"}", "{\"event\":\"chat:send \"}", "{\"event\":5}", "{\"event\":null}",
          "{\"event\":[\"ping\"]}", "{\"event\":\"pong\"}")) {
        assertRefusedWithoutAck(client, frame, "unknown_event");
      }
    }
  }

  @Test
  void an_unknown_event_with_an_ack_is_answered_by_chat_error_with_that_ack() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      int ack = client.request("room:destroy", data("room", "general"));
      List<JsonObject> answers = client.framesUntilPong();
      assertThat(answers).hasSize(1);
      assertThat(errorCode(answers.get(0))).isEqualTo("unknown_event");
      assertThat(answers.get(0).get("ack").getAsInt()).isEqualTo(ack);
    }
  }

  @Test
  void an_ack_that_is_not_an_integer_from_1_to_2147483647_gets_invalid_payload_without_ack_and_no_pong()
      throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      for (String ack : List.of("0", "-1", "2147483648", "9999999999999999999999", "1.5", "\"1\"", "true",
          "null", "{}", "[1]")) {
        assertRefusedWithoutAck(client, "{\"event\":\"ping\",\"ack\":" + ack + "}", "invalid_payload");
      }
    }
  }

  @Test
  void a_request_with_a_bad_ack_is_not_executed() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      JsonObject send = data("room", "general", "text", "should not be stored");
      assertRefusedWithoutAck(client, "{\"event\":\"chat:send\",\"data\":" + send + ",\"ack\":0}", "invalid_payload");
      assertRefusedWithoutAck(client, "{\"event\":\"room:leave\",\"data\":{\"room\":\"general\"},\"ack\":\"3\"}",
          "invalid_payload");
      int ack = client.request("chat:history", data("room", "general"));
      assertThat(event(client.awaitAnswer(ack))).as("still a member: the leave was not executed").isEqualTo("ack");
      assertThat(texts(data(client.awaitEvent("chat:history")))).isEmpty();
    }
  }

  @Test
  void the_largest_ack_is_echoed_back() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.sendRaw("{\"event\":\"ping\",\"ack\":2147483647}");
      assertThat(event(client.next())).isEqualTo("pong");
      JsonObject ack = client.next();
      assertThat(event(ack)).isEqualTo("ack");
      assertThat(ack.get("ack").getAsLong()).isEqualTo(2147483647L);
    }
  }

  @Test
  void data_that_is_not_an_object_gets_invalid_payload_with_the_ack() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      for (String data : List.of("[]", "\"general\"", "5", "true")) {
        client.sendRaw("{\"event\":\"room:join\",\"data\":" + data + ",\"ack\":60}");
        List<JsonObject> answers = client.framesUntilPong();
        assertThat(answers).as("answers to data %s", data).hasSize(1);
        assertThat(errorCode(answers.get(0))).as("answer to data %s", data).isEqualTo("invalid_payload");
        assertThat(answers.get(0).get("ack").getAsInt()).isEqualTo(60);
      }
    }
  }

  @Test
  void unknown_fields_in_a_frame_and_in_its_data_are_ignored() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      client.sendRaw("{\"event\":\"room:join\",\"ack\":70,\"data\":{\"room\":\"general\",\"colour\":\"red\"},"
          + "\"extra\":{\"nested\":[1,2]},\"id\":5}");
      JsonObject answer = client.next();
      assertThat(event(answer)).isEqualTo("ack");
      assertThat(data(answer).get("room").getAsString()).isEqualTo("general");
      assertThat(event(client.next())).isEqualTo("chat:history");
      assertThat(event(client.next())).isEqualTo("presence:state");
    }
  }

  @Test
  void a_request_with_an_ack_is_answered_exactly_once_whether_it_succeeds_or_fails() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      int good = client.request("room:join", data("room", "general"));
      int bad = client.request("room:leave", data("room", "elsewhere"));
      int sent = client.request("chat:send", data("room", "general", "text", "once"));
      List<JsonObject> frames = client.framesUntilPong();
      for (int ack : new int[] {good, bad, sent}) {
        assertThat(frames).as("answers to ack %d in %s", ack, frames)
            .filteredOn(f -> f.has("ack") && f.get("ack").getAsInt() == ack).hasSize(1);
      }
      assertThat(frames).filteredOn(f -> f.has("ack") && f.get("ack").getAsInt() == bad)
          .allSatisfy(f -> assertThat(errorCode(f)).isEqualTo("not_member"));
    }
  }

  @Test
  void a_failing_request_without_ack_gets_chat_error_without_ack() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      client.emit("room:leave", data("room", "general"));
      List<JsonObject> answers = client.framesUntilPong();
      assertThat(answers).hasSize(1);
      assertThat(errorCode(answers.get(0))).isEqualTo("not_member");
      assertThat(answers.get(0).has("ack")).isFalse();
    }
  }

  @Test
  void a_successful_request_without_ack_gets_no_ack() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      client.emit("room:join", data("room", "general"));
      List<JsonObject> frames = client.framesUntilPong();
      assertThat(frames).extracting(Frames::event).containsExactly("chat:history", "presence:state");
    }
  }

  @Test
  void ping_is_answered_with_a_bare_pong_and_with_an_empty_ack_when_it_carries_one() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.sendRaw("{\"event\":\"ping\"}");
      assertThat(client.nextRaw()).isEqualTo("{\"event\":\"pong\"}");
      int ack = client.request("ping", null);
      assertThat(client.nextRaw()).isEqualTo("{\"event\":\"pong\"}");
      JsonObject answer = client.next();
      assertThat(event(answer)).isEqualTo("ack");
      assertThat(answer.get("ack").getAsInt()).isEqualTo(ack);
      assertThat(data(answer).keySet()).isEmpty();
      assertThat(client.framesUntilPong()).as("nothing else: a ping without ack got no ack").isEmpty();
    }
  }

  @Test
  void a_frame_of_exactly_16384_bytes_is_accepted() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.sendRaw(pingOfSize(16384, "a"));
      assertThat(event(client.next())).isEqualTo("pong");
      client.sendRaw(pingOfSize(16384, "é"));
      assertThat(event(client.next())).isEqualTo("pong");
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  void a_frame_of_16385_bytes_closes_the_connection_with_1009() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.sendRaw(pingOfSize(16385, "a"));
      assertThat(client.awaitClose()).isEqualTo(1009);
    }
  }

  @Test
  void the_frame_limit_counts_utf8_bytes_not_characters() throws Exception {
    String frame = pingOfSize(16386, "é");
    assertThat(frame.length()).isLessThan(16384);
    try (WireClient client = WireClient.connect(ws())) {
      client.sendRaw(frame);
      assertThat(client.awaitClose()).isEqualTo(1009);
    }
  }

  @Test
  void a_binary_frame_closes_the_connection_with_1003() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      client.sendBinary("{\"event\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(client.awaitClose()).isEqualTo(1003);
    }
  }

  @Test
  void invalid_utf8_in_a_text_frame_closes_the_connection_with_1007() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), Map.of())) {
      byte[] head = "{\"event\":\"ping\",\"x\":\"".getBytes(StandardCharsets.UTF_8);
      byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
      byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
      byte[] frame = new byte[head.length + bad.length + tail.length];
      System.arraycopy(head, 0, frame, 0, head.length);
      System.arraycopy(bad, 0, frame, head.length, bad.length);
      System.arraycopy(tail, 0, frame, head.length + bad.length, tail.length);
      raw.send(RawWebSocket.TEXT, frame);
      assertThat(raw.awaitClose(WireClient.TIMEOUT)).isEqualTo(1007);
    }
  }

  @Test
  void permessage_deflate_is_not_negotiated_even_when_offered() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port(),
        Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"))) {
      assertThat(raw.responseHeader("sec-websocket-extensions")).isNull();
      raw.sendText("{\"event\":\"ping\"}");
      RawWebSocket.Frame pong = raw.read(WireClient.TIMEOUT);
      assertThat(pong.opcode()).isEqualTo(RawWebSocket.TEXT);
      assertThat(pong.text()).isEqualTo("{\"event\":\"pong\"}");
    }
  }
}
