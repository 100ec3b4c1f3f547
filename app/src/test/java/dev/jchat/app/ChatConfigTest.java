package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jchat.core.chat.OriginPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChatConfigTest {

  private static Properties properties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void with_no_setting_the_server_uses_the_embedded_defaults() {
    ChatConfig config = ChatConfig.from(Map.of(), new Properties());
    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.transport()).isEqualTo("javalin");
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.jwtSecret()).isNull();
    assertThat(config.tokenLifetime()).isEqualTo(Duration.ofHours(24));
    assertThat(config.allowedOrigins()).isEqualTo(OriginPolicy.DEFAULT);
    assertThat(config.writeInterval()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void a_system_property_wins_over_the_environment() {
    ChatConfig config = ChatConfig.from(Map.of("PORT", "4000", "HOST", "127.0.0.1"), properties("PORT", "5000"));
    assertThat(config.port()).isEqualTo(5000);
    assertThat(config.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void a_wrong_setting_is_named_in_one_line() {
    assertThatThrownBy(() -> ChatConfig.from(Map.of("PORT", "http"), new Properties()))
        .hasMessage("invalid setting PORT=http: expected a whole number from 0 to 65535");
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_TRANSPORT", "netty"), new Properties()))
        .hasMessageStartingWith("invalid setting CHAT_TRANSPORT=netty");
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_ALLOWED_ORIGINS", "(unclosed"), new Properties()))
        .hasMessageStartingWith("invalid setting CHAT_ALLOWED_ORIGINS=(unclosed");
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_WRITE_INTERVAL_MS", "2000"), new Properties()))
        .hasMessage("invalid setting CHAT_WRITE_INTERVAL_MS=2000: expected a whole number from 0 to 1000");
  }

  @Test
  void a_short_jwt_secret_is_refused_without_printing_it() {
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_JWT_SECRET", "hunter2"), new Properties()))
        .hasMessage("invalid setting CHAT_JWT_SECRET=<hidden>: expected at least 32 bytes")
        .message().doesNotContain("hunter2");
  }
}
