package dev.jchat.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.User;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.RoomEvent;
import dev.jchat.jdbc.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One instance reaches Redis through a proxy that the test cuts and restores: meanwhile it serves its
 * own listeners, says it is down, and once Redis is back it resubscribes and names every room it is in,
 * so the chat can read what it missed from the store.
 */
class RedisOutageTest {
  @RegisterExtension
  static final RedisDeployment REDIS = new RedisDeployment();

  /** A room's listener that keeps the events it hears and the room's name each time it is resumed. */
  private static Broadcaster.RoomListener listener(String room, BlockingQueue<RoomEvent> heard,
                                                   BlockingQueue<String> resumed) {
    return new Broadcaster.RoomListener() {
      @Override
      public void accept(RoomEvent event) {
        heard.add(event);
      }

      @Override
      public void resumed() {
        resumed.add(room);
      }
    };
  }

  @Test
  void cut_off_an_instance_delivers_its_own_events_and_after_the_outage_names_its_rooms_and_hears_again()
      throws Exception {
    String prefix = REDIS.newPrefix();
    TcpProxy proxy = REDIS.proxy();
    RedisLink cutOff = REDIS.link(RedisServer.settingsVia(proxy.port(), prefix, RedisDeployment.SHORT_TTL));
    RedisLink other = REDIS.link(RedisServer.settings(prefix, RedisDeployment.SHORT_TTL));
    BlockingQueue<RoomEvent> heard = new LinkedBlockingQueue<>();
    BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
    Broadcaster broadcaster = cutOff.broadcaster();
    broadcaster.subscribe("general", listener("general", heard, resumed));
    broadcaster.subscribe("random", listener("random", heard, resumed));
    assertThat(cutOff.isUp()).isTrue();

    proxy.cut();
    broadcaster.publish(new RoomEvent("general", 1, 1, 0, "local while cut off"));
    assertThat(RedisDeployment.next(heard).frame()).isEqualTo("local while cut off");
    RedisDeployment.eventually("the link to say it is down", () -> !cutOff.isUp());

    proxy.restore();
    assertThat(RedisDeployment.next(resumed)).isIn("general", "random");
    assertThat(RedisDeployment.next(resumed)).isIn("general", "random");
    other.broadcaster().publish(new RoomEvent("general", 2, 2, 0, "from the other instance"));
    assertThat(RedisDeployment.next(heard).frame()).isEqualTo("from the other instance");
    assertThat(cutOff.isUp()).isTrue();
    assertThat(resumed).isEmpty();
  }

  @Test
  void presence_cut_off_answers_for_its_instance_and_is_written_back_when_redis_returns() throws Exception {
    String prefix = REDIS.newPrefix();
    TcpProxy proxy = REDIS.proxy();
    RedisLink cutOff = REDIS.link(RedisServer.settingsVia(proxy.port(), prefix, Duration.ofSeconds(3)));
    RedisLink other = REDIS.link(RedisServer.settings(prefix, Duration.ofSeconds(3)));
    User alice = new User(1, "alice");
    User bob = new User(2, "bob");
    cutOff.presence().join("general", bob, "b1");

    proxy.cut();
    assertThat(cutOff.presence().join("general", alice, "a1")).isTrue();
    assertThat(cutOff.presence().leave("general", bob, "b1")).isTrue();
    assertThat(cutOff.presence().online("general")).containsExactly(alice);
    assertThat(other.presence().online("general")).as("not written yet").containsExactly(bob);

    proxy.restore();
    RedisDeployment.eventually("the instance's presence to be written back",
        () -> other.presence().online("general").equals(List.of(alice)));
  }
}
