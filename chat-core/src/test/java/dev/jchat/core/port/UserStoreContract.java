package dev.jchat.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.StoredUser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link UserStore}. Every implementation extends this class and returns a fresh
 * store from {@link #newStore}; a store that is {@link AutoCloseable} is closed after each test. Each
 * test registers names of its own, so a store may keep what earlier tests wrote.
 */
public abstract class UserStoreContract {
  private static final String HASH = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

  private UserStore store;

  protected abstract UserStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Test
  void a_new_user_gets_an_id_and_keeps_the_name_as_registered() {
    String name = newName("Alice");

    StoredUser created = store.create(name, HASH).orElseThrow();

    assertThat(created.user().id()).isPositive();
    assertThat(created.user().name()).isEqualTo(name);
    assertThat(created.passwordHash()).isEqualTo(HASH);
  }

  @Test
  void each_user_gets_a_different_id() {
    long first = store.create(newName("alice"), HASH).orElseThrow().user().id();
    long second = store.create(newName("bob"), HASH).orElseThrow().user().id();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void a_name_taken_in_any_case_cannot_be_registered_again() {
    String name = newName("Alice");
    StoredUser first = store.create(name, HASH).orElseThrow();

    assertThat(store.create(name, "other")).isEmpty();
    assertThat(store.create(name.toLowerCase(Locale.ROOT), "other")).isEmpty();
    assertThat(store.create(name.toUpperCase(Locale.ROOT), "other")).isEmpty();
    assertThat(store.findByName(name)).contains(first);
  }

  @Test
  void finding_a_user_ignores_case_and_returns_the_name_as_registered_with_the_hash() {
    String name = newName("MixedCase");
    StoredUser created = store.create(name, HASH).orElseThrow();

    Optional<StoredUser> lower = store.findByName(name.toLowerCase(Locale.ROOT));
    Optional<StoredUser> upper = store.findByName(name.toUpperCase(Locale.ROOT));

    assertThat(lower).contains(created);
    assertThat(upper).contains(created);
    assertThat(lower.orElseThrow().user().name()).isEqualTo(name);
    assertThat(lower.orElseThrow().passwordHash()).isEqualTo(HASH);
  }

  @Test
  void an_unknown_name_is_not_found() {
    assertThat(store.findByName(newName("nobody"))).isEmpty();
  }

  @Test
  void concurrent_registrations_of_one_name_in_different_cases_let_exactly_one_succeed() throws Exception {
    String name = newName("race");
    List<String> spellings = List.of(name, name.toUpperCase(Locale.ROOT), "R" + name.substring(1), name);
    ConcurrentLinkedQueue<StoredUser> created = new ConcurrentLinkedQueue<>();

    StartingGate.run(8, thread -> store.create(spellings.get(thread % spellings.size()), HASH).ifPresent(created::add));

    assertThat(created).hasSize(1);
    assertThat(store.findByName(name)).contains(created.peek());
  }

  /** A valid user name that no other test registers: {@code prefix} and a random suffix. */
  private static String newName(String prefix) {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    return prefix + "_" + suffix.substring(0, Math.min(10, suffix.length()));
  }
}
