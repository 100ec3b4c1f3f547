package dev.jchat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.chat.ChatSettings;
import java.time.Duration;
import java.util.List;

/**
 * What the closing suites share: settings that let a flood run into the close under test, and a
 * client that keeps sending while it is being closed.
 */
abstract class ClosingWhileSending extends ChatConformanceSuite {
  static final String PING = "{\"event\":\"ping\"}";

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

  static String authWith(String token) {
    return "{\"event\":\"auth\",\"data\":{\"token\":\"" + token + "\"}}";
  }

  /** Connects, sends {@code first} then pings without pause, and checks the close code it reads meanwhile. */
  void assertClosedWhileSending(List<Object> first, int code) throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.keepSending(first, PING);
      assertThat(client.awaitClose(WireClient.TIMEOUT)).as("error: %s", client.error()).isEqualTo(code);
    }
  }
}
