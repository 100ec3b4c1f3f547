package dev.jchat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The closes of {@link ClosingConformance} for frames the transport refuses while reading them: one
 * over 16 KiB (1009) and one that is not UTF-8 (1007). Apart because standalone Tyrus does not yet
 * pass them every time (see the transport's test).
 */
public abstract class RefusedFrameClosingConformance extends ClosingWhileSending {

  @Test
  void a_client_that_sends_a_1_mib_frame_and_keeps_sending_reads_1009() throws Exception {
    assertClosedWhileSending(List.of("a".repeat(1024 * 1024)), 1009);
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
}
