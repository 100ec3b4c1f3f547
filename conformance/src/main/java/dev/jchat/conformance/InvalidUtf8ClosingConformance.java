package dev.jchat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The close of {@link ClosingConformance} for text that is not UTF-8 (1007), apart because standalone
 * Tyrus checks UTF-8 itself and closes at once, without lingering (see the transport's test).
 */
public abstract class InvalidUtf8ClosingConformance extends ClosingWhileSending {

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
}
