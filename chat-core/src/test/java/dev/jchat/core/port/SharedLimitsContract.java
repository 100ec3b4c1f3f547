package dev.jchat.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link SharedLimits}. Every implementation extends this class; {@link #newDeployment}
 * gives a fresh deployment (no count taken yet) whose every {@code get()} is one more instance of the
 * chat: what one instance counts, every other sees. Windows run on real time here, short ones, and the
 * tests wait for them to pass.
 */
public abstract class SharedLimitsContract {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Instances<SharedLimits> opened = new Instances<>();

  protected abstract Supplier<SharedLimits> newDeployment();

  @AfterEach
  void closeInstances() throws Exception {
    opened.close();
  }

  private List<SharedLimits> instances(int count) {
    return opened.of(newDeployment(), count);
  }

  /** Waits until the condition holds; fails after {@link #WAIT}. */
  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what + " within " + WAIT).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void places_under_a_key_are_capped_across_instances_and_a_release_frees_one() {
    List<SharedLimits> instances = instances(2);
    assertThat(instances.get(0).acquire("connections:1", 3)).isTrue();
    assertThat(instances.get(1).acquire("connections:1", 3)).isTrue();
    assertThat(instances.get(0).acquire("connections:1", 3)).isTrue();
    assertThat(instances.get(1).acquire("connections:1", 3)).isFalse();
    assertThat(instances.get(0).acquire("connections:2", 3)).as("another key counts apart").isTrue();

    instances.get(1).release("connections:1");
    assertThat(instances.get(0).acquire("connections:1", 3)).isTrue();
    assertThat(instances.get(0).acquire("connections:1", 3)).isFalse();
  }

  @Test
  void releasing_a_place_never_taken_changes_nothing() {
    SharedLimits limits = instances(1).get(0);
    limits.release("connections:1");
    assertThat(limits.acquire("connections:1", 1)).isTrue();
    assertThat(limits.acquire("connections:1", 1)).isFalse();
  }

  @Test
  void attempts_are_counted_across_instances_per_key() {
    List<SharedLimits> instances = instances(3);
    for (SharedLimits instance : instances) {
      instance.record("login:alice", MINUTE);
    }
    instances.get(0).record("login:bob", MINUTE);
    assertThat(instances.get(1).attempts("login:alice", MINUTE)).isEqualTo(3);
    assertThat(instances.get(2).attempts("login:bob", MINUTE)).isEqualTo(1);
    assertThat(instances.get(2).attempts("login:carol", MINUTE)).isZero();
  }

  @Test
  void attempts_fall_out_of_their_window() throws Exception {
    List<SharedLimits> instances = instances(2);
    instances.get(0).record("login:alice", SHORT);
    instances.get(1).record("login:alice", SHORT);
    assertThat(instances.get(0).attempts("login:alice", SHORT)).isEqualTo(2);
    eventually("the attempts to fall out of the window", () -> instances.get(1).attempts("login:alice", SHORT) == 0);
  }

  @Test
  void a_claim_goes_to_one_caller_across_instances_until_it_is_cleared() {
    List<SharedLimits> instances = instances(2);
    assertThat(instances.get(0).claim("typing:1:general", MINUTE)).isTrue();
    assertThat(instances.get(1).claim("typing:1:general", MINUTE)).isFalse();
    assertThat(instances.get(0).claim("typing:1:general", MINUTE)).isFalse();
    assertThat(instances.get(1).claim("typing:1:random", MINUTE)).as("another key is claimed apart").isTrue();

    instances.get(1).clear("typing:1:general");
    assertThat(instances.get(1).claim("typing:1:general", MINUTE)).isTrue();
  }

  @Test
  void a_claim_ends_with_its_window() throws Exception {
    List<SharedLimits> instances = instances(2);
    assertThat(instances.get(0).claim("typing:1:general", SHORT)).isTrue();
    assertThat(instances.get(1).claim("typing:1:general", SHORT)).isFalse();
    eventually("the claim to end", () -> instances.get(1).claim("typing:1:general", SHORT));
  }
}
