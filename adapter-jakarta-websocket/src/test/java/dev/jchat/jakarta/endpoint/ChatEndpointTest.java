package dev.jchat.jakarta.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatEndpointTest {

  @Test
  void the_frame_limit_counts_utf8_bytes_of_every_width() {
    assertThat(ChatEndpoint.exceedsUtf8Bytes("a".repeat(16384), 16384)).isFalse();
    assertThat(ChatEndpoint.exceedsUtf8Bytes("a".repeat(16385), 16384)).isTrue();
    assertThat(ChatEndpoint.exceedsUtf8Bytes("é".repeat(8192), 16384)).isFalse();
    assertThat(ChatEndpoint.exceedsUtf8Bytes("é".repeat(8192) + "a", 16384)).isTrue();
    assertThat(ChatEndpoint.exceedsUtf8Bytes("中".repeat(5461) + "a", 16384)).isFalse(); // 16384 bytes
    assertThat(ChatEndpoint.exceedsUtf8Bytes("中".repeat(5462), 16384)).isTrue();
    assertThat(ChatEndpoint.exceedsUtf8Bytes("\ud83d\udc4d".repeat(4096), 16384)).isFalse(); // 4 bytes each
    assertThat(ChatEndpoint.exceedsUtf8Bytes("\ud83d\udc4d".repeat(4096) + "a", 16384)).isTrue();
  }
}
