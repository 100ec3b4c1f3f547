package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jchat.core.chat.ChatSettings;
import dev.jchat.redis.RedisSettings;
import dev.jchat.wire.OriginPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChatConfigTest {
  private static final String SECRET = "a-secret-that-is-long-enough-to-be-used-here";

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
    assertThat(config.redis()).as("the in-process broker, presence and limits").isNull();
  }

  @Test
  void redis_is_turned_on_by_its_url_with_a_prefix_and_instance_ttl_of_its_own() {
    ChatConfig defaults = ChatConfig.from(Map.of("CHAT_REDIS_URL", "redis://cache:6379/2", "CHAT_JWT_SECRET", SECRET),
        new Properties());
    assertThat(defaults.redis()).isEqualTo(new RedisSettings("redis://cache:6379/2", "jchat:", Duration.ofSeconds(30)));
    ChatConfig set = ChatConfig.from(Map.of("CHAT_REDIS_URL", "rediss://cache", "CHAT_JWT_SECRET", SECRET,
        "CHAT_REDIS_PREFIX", "chat-eu:", "CHAT_REDIS_INSTANCE_TTL_SECONDS", "12"), new Properties());
    assertThat(set.redis()).isEqualTo(new RedisSettings("rediss://cache", "chat-eu:", Duration.ofSeconds(12)));
  }

  @Test
  void redis_without_a_shared_jwt_secret_is_refused_in_one_line_naming_both_settings() {
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_REDIS_URL", "redis://cache:6379"), new Properties()))
        .hasMessage("invalid setting CHAT_JWT_SECRET=<unset>: required with CHAT_REDIS_URL: every instance must sign"
            + " and check tokens with the same secret");
  }

  @Test
  void a_redis_url_of_another_scheme_is_refused_without_printing_its_password() {
    assertThatThrownBy(() -> ChatConfig.from(Map.of("CHAT_REDIS_URL", "http://user:hunter2@cache:6379",
        "CHAT_JWT_SECRET", SECRET), new Properties()))
        .hasMessage("invalid setting CHAT_REDIS_URL=http://<credentials>@cache:6379: expected a redis:// or rediss:// URL");
    ChatConfig config = ChatConfig.from(Map.of("CHAT_REDIS_URL", "redis://:hunter2@cache:6379",
        "CHAT_JWT_SECRET", SECRET), new Properties());
    assertThat(config.toString()).doesNotContain("hunter2").contains("redis://<credentials>@cache:6379");
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
