package dev.jchat.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.User;
import dev.jchat.jdbc.TcpProxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An instance that stops beating (here: cut off from Redis by a proxy, as a killed one would be) is
 * counted dead after the TTL: a survivor takes its connections out of presence, tells the rooms who
 * left with them, and frees its places. When it turns out to be alive after all, it writes them back.
 */
class DeadInstanceTest {
  private static final User ALICE = new User(1, "alice");
  private static final User BOB = new User(2, "bob");

  @RegisterExtension
  static final RedisDeployment REDIS = new RedisDeployment();

  @Test
  void the_users_and_places_of_an_instance_that_stops_beating_go_and_come_back_with_it() throws Exception {
    String prefix = REDIS.newPrefix();
    TcpProxy proxy = REDIS.proxy();
    RedisLink dying = REDIS.link(RedisServer.settingsVia(proxy.port(), prefix, RedisDeployment.SHORT_TTL));
    RedisLink survivor = REDIS.link(RedisServer.settings(prefix, RedisDeployment.SHORT_TTL));
    BlockingQueue<Map.Entry<String, User>> gone = new LinkedBlockingQueue<>();
    survivor.presence().onGone((room, user) -> gone.add(Map.entry(room, user)));
    dying.presence().join("general", ALICE, "a1");
    dying.presence().join("random", ALICE, "a2");
    dying.presence().join("general", BOB, "b1");
    survivor.presence().join("general", BOB, "b2");
    assertThat(dying.limits().acquire("connections:1", 2)).isTrue();
    assertThat(survivor.limits().acquire("connections:1", 2)).isTrue();
    assertThat(survivor.limits().acquire("connections:1", 2)).isFalse();

    proxy.cut();
    List<Map.Entry<String, User>> departures = List.of(RedisDeployment.next(gone), RedisDeployment.next(gone));
    assertThat(departures).containsExactlyInAnyOrder(Map.entry("general", ALICE), Map.entry("random", ALICE));
    assertThat(survivor.presence().online("general")).as("bob is still on the survivor").containsExactly(BOB);
    RedisDeployment.eventually("the dead instance's place to be free",
        () -> survivor.limits().acquire("connections:1", 2));
    survivor.limits().release("connections:1");

    proxy.restore();
    RedisDeployment.eventually("the instance to write its users back",
        () -> survivor.presence().online("random").equals(List.of(ALICE)));
    assertThat(survivor.presence().online("general")).containsExactly(ALICE, BOB);
    RedisDeployment.eventually("the instance to take its place back",
        () -> !survivor.limits().acquire("connections:1", 2));
    assertThat(gone).isEmpty();
  }

}
