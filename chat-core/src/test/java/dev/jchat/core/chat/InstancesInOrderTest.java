package dev.jchat.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.RoomEvent;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.Inbound;
import dev.jchat.core.protocol.ServerEvent;
import dev.jchat.core.testing.FakeClock;
import dev.jchat.core.testing.FakeTokens;
import dev.jchat.core.testing.RecordingCodec;
import dev.jchat.core.testing.RecordingConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one store, joined by a broker that the test lets lose and reorder events: every
 * member still gets each message once, in seq order, with no hole.
 */
class InstancesInOrderTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingCodec codec = new RecordingCodec();
  private final FakeTokens tokens = new FakeTokens(clock, Duration.ofHours(1));
  private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
  private final UnreliableBroker broker = new UnreliableBroker();
  private final ChatService first = instance();
  private final ChatService second = instance();

  @Test
  void events_that_cross_on_the_way_reach_every_member_in_seq_order() {
    Member alice = new Member(first, new User(1, "alice"));
    Member bob = new Member(second, new User(2, "bob"));
    broker.hold();
    for (int i = 0; i < 5; i++) {
      alice.send("from alice " + i);
      bob.send("from bob " + i);
    }
    broker.releaseReversed();
    clock.advance(RoomSequence.GAP_WAIT);

    assertThat(alice.seqsReceived()).containsExactlyElementsOf(oneTo(10));
    assertThat(bob.seqsReceived()).containsExactlyElementsOf(oneTo(10));
  }

  @Test
  void a_lost_event_is_read_from_the_store_when_the_next_one_shows_the_gap() {
    Member alice = new Member(first, new User(1, "alice"));
    Member bob = new Member(second, new User(2, "bob"));
    alice.send("delivered");
    broker.loseNext();
    alice.send("lost on the way to bob");
    alice.send("shows the gap");
    clock.advance(RoomSequence.GAP_WAIT);

    assertThat(bob.seqsReceived()).containsExactlyElementsOf(oneTo(3));
    assertThat(bob.textsReceived()).containsExactly("delivered", "lost on the way to bob", "shows the gap");
  }

  @Test
  void after_the_broker_was_cut_off_each_instance_reads_what_it_missed_without_a_new_message() {
    Member alice = new Member(first, new User(1, "alice"));
    Member bob = new Member(second, new User(2, "bob"));
    broker.cutOff();
    alice.send("during the outage one");
    alice.send("during the outage two");
    assertThat(alice.seqsReceived()).as("this broker loses its own instance's events too").isEmpty();
    assertThat(bob.seqsReceived()).isEmpty();

    broker.reconnect();

    assertThat(alice.seqsReceived()).containsExactlyElementsOf(oneTo(2));
    assertThat(bob.seqsReceived()).containsExactlyElementsOf(oneTo(2));
  }

  private ChatService instance() {
    return ChatService.builder().settings(ChatSettings.builder().writeInterval(Duration.ZERO).build())
        .messageStore(store).broadcaster(broker.instance()).tokens(tokens).codec(codec).clock(clock)
        .fanoutExecutor(Runnable::run).housekeeping(Runnable::run).build();
  }

  private static List<Long> oneTo(long last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }

  /** A member of room "general" on one instance. */
  private final class Member {
    private final ChatService instance;
    private final RecordingConnection connection = new RecordingConnection();
    private final ClientSession session;
    private int nextAck = 1;

    Member(ChatService instance, User user) {
      this.instance = instance;
      this.session = instance.open(connection);
      request(new Command.Auth(tokens.issue(user)));
      request(new Command.Join("general", null));
    }

    void send(String text) {
      request(new Command.Send("general", text, null));
    }

    private void request(Command command) {
      instance.handle(session, new Inbound.Request(command, nextAck++));
    }

    private List<ServerEvent.NewMessage> received() {
      return codec.events(connection).stream().filter(ServerEvent.NewMessage.class::isInstance)
          .map(ServerEvent.NewMessage.class::cast).toList();
    }

    List<Long> seqsReceived() {
      return received().stream().map(event -> event.message().seq()).toList();
    }

    List<String> textsReceived() {
      return received().stream().map(event -> event.message().text()).toList();
    }
  }

  /**
   * A broker between instances that can hold events and let them go in reverse, lose one, or be cut
   * off (losing everything) and come back, as Redis Pub/Sub may.
   */
  private static final class UnreliableBroker {
    private record Subscriber(String room, Broadcaster.RoomListener listener) {
    }

    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<RoomEvent> held = new ArrayList<>();
    private boolean holding;
    private boolean cutOff;
    private int toLose;

    Broadcaster instance() {
      return new Broadcaster() {
        @Override
        public void publish(RoomEvent event) {
          if (cutOff) {
            return;
          }
          if (holding) {
            held.add(event);
          } else if (toLose > 0 && event.isMessage()) {
            toLose--;
            deliver(event, subscribers.get(subscribers.size() - 1)); // reaches only the first instance
          } else {
            subscribers.forEach(subscriber -> deliver(event, subscriber));
          }
        }

        @Override
        public Subscription subscribe(String room, RoomListener listener) {
          Subscriber subscriber = new Subscriber(room, listener);
          subscribers.add(0, subscriber); // the newest first: the first instance's is last
          return () -> subscribers.remove(subscriber);
        }
      };
    }

    void hold() {
      holding = true;
    }

    void releaseReversed() {
      holding = false;
      List<RoomEvent> reversed = new ArrayList<>(held);
      Collections.reverse(reversed);
      held.clear();
      reversed.forEach(event -> subscribers.forEach(subscriber -> deliver(event, subscriber)));
    }

    void loseNext() {
      toLose = 1;
    }

    void cutOff() {
      cutOff = true;
    }

    void reconnect() {
      cutOff = false;
      subscribers.forEach(subscriber -> subscriber.listener().resumed());
    }

    private static void deliver(RoomEvent event, Subscriber subscriber) {
      if (subscriber.room().equals(event.room())) {
        subscriber.listener().accept(event);
      }
    }
  }
}
