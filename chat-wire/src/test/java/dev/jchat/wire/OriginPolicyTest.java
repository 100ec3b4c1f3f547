package dev.jchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginPolicyTest {
  private final OriginPolicy policy = new OriginPolicy(OriginPolicy.DEFAULT);

  @Test
  void local_and_private_origins_are_admitted_on_any_port() {
    assertThat(policy.admits("http://localhost:3000")).isTrue();
    assertThat(policy.admits("https://127.0.0.1")).isTrue();
    assertThat(policy.admits("http://[::1]:5173")).isTrue();
    assertThat(policy.admits("http://10.1.2.3:80")).isTrue();
    assertThat(policy.admits("http://172.16.0.1")).isTrue();
    assertThat(policy.admits("http://172.31.255.255:8080")).isTrue();
    assertThat(policy.admits("http://192.168.1.20:3000")).isTrue();
  }

  @Test
  void public_look_alike_and_null_origins_are_refused() {
    assertThat(policy.admits("http://example.com")).isFalse();
    assertThat(policy.admits("http://localhost.evil.example")).isFalse();
    assertThat(policy.admits("http://evil.example/http://localhost")).isFalse();
    assertThat(policy.admits("http://172.32.0.1")).isFalse();
    assertThat(policy.admits("null")).isFalse();
    assertThat(policy.admits("ws://localhost")).isFalse();
  }

  @Test
  void a_request_without_origin_is_admitted() {
    assertThat(policy.admits(null)).isTrue();
  }
}
