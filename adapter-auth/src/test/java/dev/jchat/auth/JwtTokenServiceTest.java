package dev.jchat.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jchat.core.domain.User;
import dev.jchat.core.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTokenServiceTest {
  private static final byte[] SECRET = "a-test-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8);
  private final FakeClock clock = new FakeClock();
  private final JwtTokenService tokens = new JwtTokenService(SECRET, Duration.ofHours(24), clock);
  private final User alice = new User(7, "Alice");

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void an_issued_token_verifies_with_its_user_and_expiry() {
    var verified = tokens.verify(tokens.issue(alice)).orElseThrow();
    assertThat(verified.user()).isEqualTo(alice);
    assertThat(verified.expiresAt()).isEqualTo(clock.now().plus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  @Test
  void another_instance_with_the_same_secret_accepts_the_token_and_one_with_another_does_not() {
    String token = tokens.issue(alice);
    assertThat(new JwtTokenService(SECRET, Duration.ofHours(1), clock).verify(token)).isPresent();
    byte[] other = "another-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8);
    assertThat(new JwtTokenService(other, Duration.ofHours(1), clock).verify(token)).isEmpty();
  }

  @Test
  void an_expired_token_is_refused() {
    String token = tokens.issue(alice);
    clock.advance(Duration.ofHours(24));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void a_token_with_alg_none_is_refused() {
    String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
        + base64("{\"sub\":\"7\",\"name\":\"Alice\",\"exp\":9999999999}") + ".";
    assertThat(tokens.verify(unsigned)).isEmpty();
  }

  @Test
  void a_token_whose_payload_was_changed_is_refused() {
    String[] parts = tokens.issue(alice).split("\\.");
    String tampered = parts[0] + "." + base64("{\"sub\":\"1\",\"name\":\"admin\",\"exp\":9999999999}") + "." + parts[2];
    assertThat(tokens.verify(tampered)).isEmpty();
  }

  @Test
  void garbage_is_refused() {
    assertThat(tokens.verify("not-a-token")).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
  }

  @Test
  void a_short_secret_is_refused_at_start() {
    assertThatThrownBy(() -> new JwtTokenService(new byte[16], Duration.ofHours(1), clock))
        .hasMessageContaining("at least 32 bytes");
  }
}
