package dev.jchat.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

  @Test
  void hashes_are_argon2id_with_owasp_parameters_and_a_random_salt() {
    String first = hasher.hash("correct horse");
    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.hash("correct horse")).isNotEqualTo(first);
  }

  @Test
  void only_the_right_password_verifies() {
    String hash = hasher.hash("correct horse 🐎");
    assertThat(hasher.verify("correct horse 🐎", hash)).isTrue();
    assertThat(hasher.verify("correct horse", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }
}
