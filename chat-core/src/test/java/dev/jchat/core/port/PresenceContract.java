package dev.jchat.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.User;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link Presence}. Every implementation extends this class; {@link #newDeployment}
 * gives a fresh deployment (its own rooms, empty) whose every {@code get()} is one more instance of
 * the chat: a user is online once however many connections on however many instances.
 */
public abstract class PresenceContract {
  private static final User ALICE = new User(1, "alice");
  private static final User BOB = new User(2, "bob");

  private final Instances<Presence> opened = new Instances<>();

  protected abstract Supplier<Presence> newDeployment();

  @AfterEach
  void closeInstances() throws Exception {
    opened.close();
  }

  private List<Presence> instances(int count) {
    return opened.of(newDeployment(), count);
  }

  @Test
  void a_users_first_connection_in_a_room_makes_them_online_and_a_second_does_not_count_again() {
    Presence presence = instances(1).get(0);
    assertThat(presence.join("general", ALICE, "a1")).isTrue();
    assertThat(presence.join("general", ALICE, "a2")).isFalse();
    assertThat(presence.online("general")).containsExactly(ALICE);
  }

  @Test
  void a_user_leaves_with_their_last_connection_only() {
    Presence presence = instances(1).get(0);
    presence.join("general", ALICE, "a1");
    presence.join("general", ALICE, "a2");
    assertThat(presence.leave("general", ALICE, "a1")).isFalse();
    assertThat(presence.online("general")).containsExactly(ALICE);
    assertThat(presence.leave("general", ALICE, "a2")).isTrue();
    assertThat(presence.online("general")).isEmpty();
  }

  @Test
  void leaving_with_a_connection_that_never_joined_changes_nothing() {
    Presence presence = instances(1).get(0);
    presence.join("general", ALICE, "a1");
    assertThat(presence.leave("general", ALICE, "other")).isFalse();
    assertThat(presence.leave("elsewhere", ALICE, "a1")).isFalse();
    assertThat(presence.online("general")).containsExactly(ALICE);
  }

  @Test
  void rooms_are_counted_apart() {
    Presence presence = instances(1).get(0);
    presence.join("general", ALICE, "a1");
    presence.join("random", BOB, "b1");
    assertThat(presence.online("general")).containsExactly(ALICE);
    assertThat(presence.online("random")).containsExactly(BOB);
    assertThat(presence.online("empty")).isEmpty();
  }

  @Test
  void online_lists_each_user_once_with_the_name_they_have() {
    Presence presence = instances(1).get(0);
    presence.join("general", ALICE, "a1");
    presence.join("general", BOB, "b1");
    presence.join("general", BOB, "b2");
    assertThat(presence.online("general")).containsExactlyInAnyOrder(ALICE, BOB);
  }

  @Test
  void a_user_with_connections_on_two_instances_is_online_once_until_the_last_one_leaves() {
    List<Presence> instances = instances(2);
    assertThat(instances.get(0).join("general", ALICE, "a-on-0")).isTrue();
    assertThat(instances.get(1).join("general", ALICE, "a-on-1")).isFalse();
    assertThat(instances.get(1).online("general")).containsExactly(ALICE);
    assertThat(instances.get(0).leave("general", ALICE, "a-on-0")).isFalse();
    assertThat(instances.get(0).online("general")).containsExactly(ALICE);
    assertThat(instances.get(1).leave("general", ALICE, "a-on-1")).isTrue();
    assertThat(instances.get(0).online("general")).isEmpty();
  }
}
