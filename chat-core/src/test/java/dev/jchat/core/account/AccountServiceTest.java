package dev.jchat.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.local.InMemoryUserStore;
import dev.jchat.core.local.LocalLimits;
import dev.jchat.core.port.PasswordHasher;
import dev.jchat.core.testing.FakeClock;
import dev.jchat.core.testing.FakeTokens;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  private static final String HOME = "192.0.2.1";
  private final LocalLimits limits = new LocalLimits(clock);
  private final AccountService accounts = accounts(hasher, 2);

  /** Accounts with 5 failed logins and 12 registrations a minute, {@code slots} hashes at once, waiting 200 ms. */
  private AccountService accounts(PasswordHasher passwords, int slots) {
    return new AccountService(new InMemoryUserStore(), passwords, new FakeTokens(clock, Duration.ofHours(1)),
        new AccountLimits(new Throttle(limits, "failed-logins", 5, Duration.ofMinutes(1)),
            new Throttle(limits, "registrations", 12, Duration.ofMinutes(1)), slots, Duration.ofMillis(200)));
  }

  private static ErrorCode refusal(Outcome<?> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    return ((Outcome.Refused<?>) outcome).rejection().code();
  }

  @Test
  void usernames_are_unique_without_regard_to_case() {
    assertThat(accounts.register("Alice", "password1", HOME)).isInstanceOf(Outcome.Ok.class);
    assertThat(refusal(accounts.register("alice", "password2", HOME))).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void login_ignores_case_and_returns_the_name_as_registered() {
    accounts.register("Alice", "password1", HOME);
    Outcome<AccountService.Issued> login = accounts.login("ALICE", "password1", "10.0.0.1");
    assertThat(((Outcome.Ok<AccountService.Issued>) login).value().user().name()).isEqualTo("Alice");
  }

  @Test
  void invalid_usernames_and_passwords_are_refused_as_invalid_payload() {
    assertThat(refusal(accounts.register("al", "password1", HOME))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("a".repeat(33), "password1", HOME))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("alice bob", "password1", HOME))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("alice", "short12", HOME))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(refusal(accounts.register("alice", "p".repeat(129), HOME))).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThat(accounts.register("alice", "🔑".repeat(8), HOME)).isInstanceOf(Outcome.Ok.class); // code points count
  }

  @Test
  void an_unknown_user_and_a_wrong_password_fail_alike_and_both_cost_a_hash_verification() {
    accounts.register("alice", "password1", HOME);
    Outcome<?> wrongPassword = accounts.login("alice", "password2", "10.0.0.1");
    Outcome<?> unknownUser = accounts.login("nobody", "password2", "10.0.0.2");
    assertThat(wrongPassword).isEqualTo(unknownUser);
    assertThat(refusal(unknownUser)).isEqualTo(ErrorCode.AUTH_FAILED);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void five_failures_for_a_username_block_every_login_for_it_until_they_age_out() {
    accounts.register("alice", "password1", HOME);
    for (int i = 0; i < 5; i++) {
      accounts.login("alice", "wrong-password", "10.0.0." + i);
    }
    assertThat(refusal(accounts.login("alice", "password1", "10.0.0.99"))).isEqualTo(ErrorCode.RATE_LIMITED);
    clock.advance(Duration.ofSeconds(60));
    assertThat(accounts.login("alice", "password1", "10.0.0.99")).isInstanceOf(Outcome.Ok.class);
  }

  @Test
  void five_failures_from_one_address_block_that_address_for_every_username() {
    accounts.register("alice", "password1", HOME);
    for (int i = 0; i < 5; i++) {
      accounts.login("user" + i, "wrong-password", "10.0.0.1");
    }
    assertThat(refusal(accounts.login("alice", "password1", "10.0.0.1"))).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(accounts.login("alice", "password1", "10.0.0.2")).isInstanceOf(Outcome.Ok.class);
  }

  @Test
  void an_address_may_register_a_dozen_accounts_a_minute() {
    for (int i = 0; i < 12; i++) {
      assertThat(accounts.register("user" + i, "password1", HOME)).isInstanceOf(Outcome.Ok.class);
    }
    assertThat(refusal(accounts.register("one-more", "password1", HOME))).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(accounts.register("elsewhere", "password1", "198.51.100.7")).isInstanceOf(Outcome.Ok.class);
    clock.advance(Duration.ofMinutes(1));
    assertThat(accounts.register("one-more", "password1", HOME)).isInstanceOf(Outcome.Ok.class);
  }

  @Test
  void hashes_run_at_most_a_slot_each_and_a_request_that_finds_none_in_time_gets_unavailable() throws Exception {
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    PasswordHasher slow = new PasswordHasher() {
      @Override
      public String hash(String password) {
        if (password.startsWith("slow")) { // not the decoy the service hashes when it is made
          inside.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return "hashed:" + password;
      }

      @Override
      public boolean verify(String password, String hash) {
        return hash.equals("hashed:" + password);
      }
    };
    AccountService busy = accounts(slow, 2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Outcome<AccountService.Issued>> first = pool.submit(() -> busy.register("first", "slow-pass", HOME));
      Future<Outcome<AccountService.Issued>> second = pool.submit(() -> busy.register("second", "slow-pass", HOME));
      assertThat(inside.await(5, TimeUnit.SECONDS)).as("both slots taken").isTrue();
      assertThat(refusal(busy.register("third", "password1", HOME))).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(refusal(busy.login("first", "slow-pass", HOME))).as("a login hashes too")
          .isEqualTo(ErrorCode.UNAVAILABLE);
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(Outcome.Ok.class);
      assertThat(second.get(5, TimeUnit.SECONDS)).isInstanceOf(Outcome.Ok.class);
      assertThat(busy.login("first", "slow-pass", HOME)).isInstanceOf(Outcome.Ok.class);
    } finally {
      pool.shutdownNow();
    }
  }
}
