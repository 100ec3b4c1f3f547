package dev.jchat.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.local.InMemoryUserStore;
import dev.jchat.core.port.PasswordHasher;
import dev.jchat.core.testing.FakeClock;
import dev.jchat.core.testing.FakeTokens;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
  private final FakeClock clock = new FakeClock();
  private final AtomicInteger verifications = new AtomicInteger();
  /** Reversible "hashing" is fine here: these tests are about the rules, not the algorithm. */
  private final PasswordHasher hasher = new PasswordHasher() {
    @Override
    public String hash(String password) {
      return "hashed:" + password;
    }

    @Override
    public boolean verify(String password, String hash) {
      verifications.incrementAndGet();
      return hash.equals("hashed:" + password);
    }
  };
  private final AccountService accounts = new AccountService(new InMemoryUserStore(), hasher,
      new FakeTokens(clock, Duration.ofHours(1)), new LoginThrottle(clock, 5, Duration.ofSeconds(60)));

  private static ErrorCode refusal(Outcome<?> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    return ((Outcome.Refused<?>) outcome).rejection().code();
  }

  @Test
  void usernames_are_unique_without_regard_to_case() {
    assertThat(accounts.register("Alice", "password1")).isInstanceOf(Outcome.Ok.class);
    assertThat(refusal(accounts.register("alice", "password2"))).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void login_ignores_case_and_returns_the_name_as_registered() {
    accounts.register("Alice", "password1");
    Outcome<AccountService.Issued> login = accounts.login("ALICE", "password1", "10.0.0.1");
    assertThat(((Outcome.Ok<AccountService.Issued>) login).value().user().name()).isEqualTo("Alice");
  }

  @Test
  void invalid_usernames_and_passwords_are_refused_as_invalid_payload() {
    assertThat(refusal(accounts.register("al", "password1"))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("a".repeat(33), "password1"))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("alice bob", "password1"))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("alice", "short12"))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("alice", "p".repeat(129)))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(accounts.register("alice", "🔑".repeat(8))).isInstanceOf(Outcome.Ok.class); // code points count
  }

  @Test
  void an_unknown_user_and_a_wrong_password_fail_alike_and_both_cost_a_hash_verification() {
    accounts.register("alice", "password1");
    Outcome<?> wrongPassword = accounts.login("alice", "password2", "10.0.0.1");
    Outcome<?> unknownUser = accounts.login("nobody", "password2", "10.0.0.2");
    assertThat(wrongPassword).isEqualTo(unknownUser);
    assertThat(refusal(unknownUser)).isEqualTo(ErrorCode.AUTH_FAILED);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void five_failures_for_a_username_block_every_login_for_it_until_they_age_out() {
    accounts.register("alice", "password1");
    for (int i = 0; i < 5; i++) {
      accounts.login("alice", "wrong-password", "10.0.0." + i);
    }
    assertThat(refusal(accounts.login("alice", "password1", "10.0.0.99"))).isEqualTo(ErrorCode.RATE_LIMITED);
    clock.advance(Duration.ofSeconds(60));
    assertThat(accounts.login("alice", "password1", "10.0.0.99")).isInstanceOf(Outcome.Ok.class);
  }

  @Test
  void five_failures_from_one_address_block_that_address_for_every_username() {
    accounts.register("alice", "password1");
    for (int i = 0; i < 5; i++) {
      accounts.login("user" + i, "wrong-password", "10.0.0.1");
    }
    assertThat(refusal(accounts.login("alice", "password1", "10.0.0.1"))).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(accounts.login("alice", "password1", "10.0.0.2")).isInstanceOf(Outcome.Ok.class);
  }
}
