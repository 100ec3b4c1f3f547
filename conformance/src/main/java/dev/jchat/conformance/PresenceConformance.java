package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md sections 4 and 5: presence:state for the joiner (itself included), and
 * presence:join / presence:leave for the others, counted per user across connections.
 */
public abstract class PresenceConformance extends ChatConformanceSuite {

  /** Joins and returns the presence:state data. */
  private static JsonObject joinForState(WireClient client, String room) throws Exception {
    int ack = client.request("room:join", data("room", room));
    client.awaitAnswer(ack);
    assertThat(event(client.next())).isEqualTo("chat:history");
    JsonObject state = client.next();
    assertThat(event(state)).isEqualTo("presence:state");
    return data(state);
  }

  private static List<Long> userIds(JsonObject state) {
    List<Long> ids = new ArrayList<>();
    state.getAsJsonArray("users").forEach(u -> ids.add(u.getAsJsonObject().get("id").getAsLong()));
    return ids;
  }

  private static void assertUser(JsonObject user, Account account) {
    assertThat(user.keySet()).containsExactlyInAnyOrder("id", "name");
    assertThat(user.get("id").getAsLong()).isEqualTo(account.id());
    assertThat(user.get("name").getAsString()).isEqualTo(account.name());
  }

  @Test
  void the_joiner_gets_presence_state_with_itself_and_no_presence_join_about_itself() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      JsonObject state = joinForState(client, "general");
      assertThat(state.get("room").getAsString()).isEqualTo("general");
      assertThat(state.getAsJsonArray("users")).hasSize(1);
      assertUser(state.getAsJsonArray("users").get(0).getAsJsonObject(), alice);
      assertThat(client.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void presence_state_lists_every_user_in_the_room_once() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    Account carol = register("carol");
    try (WireClient a = connect(alice); WireClient a2 = connect(alice); WireClient b = connect(bob);
         WireClient c = connect(carol); WireClient elsewhere = connect(carol)) {
      join(a, "general");
      join(a2, "general");
      join(b, "general");
      join(elsewhere, "random");
      JsonObject state = joinForState(c, "general");
      assertThat(userIds(state)).containsExactlyInAnyOrder(alice.id(), bob.id(), carol.id());
    }
  }

  @Test
  void others_get_one_presence_join_with_the_user_when_it_joins() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      JsonObject joined = a.awaitEvent("presence:join");
      assertThat(data(joined).keySet()).containsExactlyInAnyOrder("room", "user");
      assertThat(data(joined).get("room").getAsString()).isEqualTo("general");
      assertUser(data(joined).getAsJsonObject("user"), bob);
      assertThat(a.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void a_second_connection_of_a_user_in_the_room_announces_nothing_and_the_leave_waits_for_the_last_one()
      throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice)) {
      join(a, "general");
      WireClient b1 = connect(bob);
      WireClient b2 = connect(bob);
      join(b1, "general");
      assertUser(data(a.awaitEvent("presence:join")).getAsJsonObject("user"), bob);
      JsonObject state = joinForState(b2, "general");
      assertThat(userIds(state)).containsExactlyInAnyOrder(alice.id(), bob.id());
      assertThat(a.framesUntilPong()).as("no presence:join for bob's second connection").isEmpty();

      b1.close();
      awaitCondition(() -> json(get("/health", null)).get("connections").getAsInt() == 2, "bob's first socket is gone");
      assertThat(a.framesUntilPong()).as("bob is still online through his second connection").isEmpty();

      b2.close();
      JsonObject left = a.awaitEvent("presence:leave");
      assertThat(data(left).keySet()).containsExactlyInAnyOrder("room", "user");
      assertThat(data(left).get("room").getAsString()).isEqualTo("general");
      assertUser(data(left).getAsJsonObject("user"), bob);
      assertThat(a.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void room_leave_of_the_last_connection_sends_presence_leave_to_the_others() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b1 = connect(bob); WireClient b2 = connect(bob)) {
      join(a, "general");
      join(b1, "general");
      join(b2, "general");
      a.awaitEvent("presence:join");
      int ack = b1.request("room:leave", data("room", "general"));
      b1.awaitAnswer(ack);
      assertThat(a.framesUntilPong()).isEmpty();
      ack = b2.request("room:leave", data("room", "general"));
      b2.awaitAnswer(ack);
      assertUser(data(a.awaitEvent("presence:leave")).getAsJsonObject("user"), bob);
      JsonObject state = joinForState(b1, "general");
      assertThat(userIds(state)).containsExactlyInAnyOrder(alice.id(), bob.id());
      assertUser(data(a.awaitEvent("presence:join")).getAsJsonObject("user"), bob);
    }
  }

  @Test
  void a_user_who_leaves_is_gone_from_the_next_presence_state() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      b.close();
      a.awaitEvent("presence:leave");
      try (WireClient again = connect(alice)) {
        assertThat(userIds(joinForState(again, "general"))).containsExactly(alice.id());
      }
    }
  }

  @Test
  void presence_is_kept_per_room() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "random");
      assertThat(a.framesUntilPong()).as("bob joined another room").isEmpty();
      JsonObject state = joinForState(b, "general");
      assertThat(userIds(state)).containsExactlyInAnyOrder(alice.id(), bob.id());
      int ack = b.request("room:leave", data("room", "random"));
      b.awaitAnswer(ack);
      a.awaitEvent("presence:join");
      assertThat(a.framesUntilPong()).as("bob left only the other room").isEmpty();
    }
  }
}
