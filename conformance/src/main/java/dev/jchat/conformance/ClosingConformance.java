package dev.jchat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.chat.ChatSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md section 6 with RFC 6455 section 7.1.1: a client that is still writing when the server
 * closes it reads the close code all the same. The server sends its Close and keeps reading (and
 * dropping) until the client's Close, for a bounded time, rather than dropping a TCP connection with
 * unread data, which the kernel answers with a reset: a client such as the JDK's then fails its
 * write and reports 1006 instead of the code, and cannot tell a refusal from a network fault.
 *
 * <p>Not in {@link ConformanceSuite}, because how a transport lingers is its own: the Javalin
 * transport, standalone Tyrus and the servlet deployment (Tomcat) each run it.
 */
public abstract class ClosingConformance extends ChatConformanceSuite {
  private static final String PING = "{\"event\":\"ping\"}";

  /**
   * Frames and sends without limits, and room in the outbox for all their answers, so a flood ends in
   * the close under test (not 1008 or 4429); typing keeps its limit, and auth must come in 500 ms.
   */
  @Override
  protected ChatSettings settings() {
    ChatSettings.Timeouts timeouts = ChatSettings.defaults().timeouts();
    return fastRatesBuilder()
        .timeouts(new ChatSettings.Timeouts(Duration.ofMillis(500), timeouts.idle(), timeouts.pingInterval(),
            timeouts.sweepInterval(), timeouts.slowConsumerGrace()))
        .outbox(new ChatSettings.OutboxBounds(1_000_000, 256 * 1024 * 1024))
        .build();
  }

  private static String authWith(String token) {
    return "{\"event\":\"auth\",\"data\":{\"token\":\"" + token + "\"}}";
  }

  /** Connects, sends {@code first} then pings without pause, and checks the close code it reads meanwhile. */
  private void assertClosedWhileSending(List<Object> first, int code) throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.keepSending(first, PING);
      assertThat(client.awaitClose(WireClient.TIMEOUT)).as("error: %s", client.error()).isEqualTo(code);
    }
  }

  @Test
  void a_client_that_keeps_sending_after_its_100th_refusal_reads_1008() throws Exception {
    Account alice = register("alice");
    String typing = "{\"event\":\"typing:start\",\"data\":{\"room\":\"general\"}}"; // 5 a second are allowed
    try (WireClient client = WireClient.connect(ws())) {
      client.keepSending(List.of(authWith(alice.token())), typing);
      assertThat(client.awaitClose(WireClient.TIMEOUT)).as("error: %s", client.error()).isEqualTo(1008);
    }
  }

  @Test
  void a_client_that_sends_a_1_mib_frame_and_keeps_sending_reads_1009() throws Exception {
    assertClosedWhileSending(List.of("a".repeat(1024 * 1024)), 1009);
  }

  @Test
  void a_client_that_sends_a_binary_frame_and_keeps_sending_reads_1003() throws Exception {
    assertClosedWhileSending(List.of(new byte[] {1, 2, 3}), 1003);
  }

  @Test
  void a_client_that_sends_invalid_utf8_and_keeps_sending_reads_1007() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), Map.of())) {
      raw.send(RawWebSocket.TEXT, new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'});
      for (int i = 0; i < 50; i++) {
        raw.sendText(PING); // the JDK client cannot send invalid UTF-8, so these follow at once instead
      }
      assertThat(raw.awaitClose(WireClient.TIMEOUT)).isEqualTo(1007);
    }
  }

  @Test
  void a_client_whose_token_is_refused_and_keeps_sending_reads_4401() throws Exception {
    assertClosedWhileSending(List.of(authWith("forged")), 4401);
  }

  @Test
  void a_client_that_keeps_sending_without_authenticating_reads_4408() throws Exception {
    assertClosedWhileSending(List.of(), 4408);
  }

  @Test
  void a_client_that_keeps_sending_while_the_chat_fails_reads_1011() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      chat.storeBroken(true);
      client.keepSending(List.of("{\"event\":\"chat:send\",\"data\":{\"room\":\"general\",\"text\":\"x\"}}"), PING);
      assertThat(client.awaitClose(WireClient.TIMEOUT)).as("error: %s", client.error()).isEqualTo(1011);
    }
  }

  @Test
  void a_client_that_keeps_sending_while_the_server_stops_reads_1001() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.keepSending(List.of(), PING);
      client.awaitEvent("pong"); // the flood is under way
      server.close();
      assertThat(client.awaitClose(WireClient.TIMEOUT)).as("error: %s", client.error()).isEqualTo(1001);
    }
  }
}
