package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jchat.core.chat.ChatSettings;
import dev.jchat.wire.OriginPolicy;
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
    assertThat(config.transport()).isEqualTo(Transport.JAVALIN);
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.tokens().secret()).isNull();
    assertThat(config.tokens().lifetime()).isEqualTo(Duration.ofHours(24));
    assertThat(config.allowedOrigins()).isEqualTo(OriginPolicy.DEFAULT);
    assertThat(config.chat()).as("the core's own defaults").isEqualTo(ChatSettings.defaults());
    assertThat(config.database().vendor()).isEqualTo("h2");
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
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_LOG_LEVEL", "LOUD"), new Properties()))
        .hasMessage("invalid setting CHAT_LOG_LEVEL=LOUD: expected one of ERROR, WARN, INFO, DEBUG, TRACE");
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_METRICS", "maybe"), new Properties()))
        .hasMessageStartingWith("invalid setting CHAT_METRICS=maybe");
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_WRITE_INTERVAL_MS", "2000"), new Properties()))
        .hasMessage("invalid setting CHAT_WRITE_INTERVAL_MS=2000: expected a whole number from 0 to 1000");
  }

  @Test
  void a_short_jwt_secret_is_refused_without_printing_it() {
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_JWT_SECRET", "hunter2"), new Properties()))
        .hasMessage("invalid setting CHAT_JWT_SECRET=<hidden>: expected at least 32 bytes")
        .message().doesNotContain("hunter2");
  }

  @Test
  void the_transport_the_outbox_bounds_and_the_write_interval_are_read_in_the_units_they_name() {
    ChatConfig config = ChatConfig.from(Map.of("CHAT_TRANSPORT", "jakarta", "CHAT_OUTBOX_MAX_FRAMES", "50",
        "CHAT_OUTBOX_MAX_BYTES", "65536", "CHAT_WRITE_INTERVAL_MS", "0"), new Properties());
    assertThat(config.transport()).isEqualTo(Transport.JAKARTA);
    assertThat(config.chat().outbox()).isEqualTo(new ChatSettings.OutboxBounds(50, 65536));
    assertThat(config.chat().writeInterval()).isZero();
    assertThat(config.chat().limits()).isEqualTo(ChatSettings.defaults().limits());
  }

  @Test
  void the_configuration_prints_no_secret_or_password() {
    ChatConfig config = ChatConfig.from(Map.of("CHAT_JWT_SECRET", "a-secret-that-is-long-enough-to-be-used-here",
        "CHAT_DB_URL", "jdbc:postgresql://db/chat", "CHAT_DB_PASSWORD", "db-password-123"), new Properties());
    assertThat(config.toString()).doesNotContain("a-secret-that-is", "db-password-123")
        .contains("jdbc:postgresql://db/chat");
  }
}
