package dev.jchat.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.local.LocalBroadcaster;
import dev.jchat.core.port.AppendRecorder;
import dev.jchat.core.port.RoomEvent;
import dev.jchat.core.testing.FakeClock;
import dev.jchat.core.testing.RecordingCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The broker may lose, repeat or reorder a room's messages on their way between instances; the
 * members of this instance still get each once, in seq order, with no hole, the gaps read from the
 * store.
 */
class RoomSequenceTest {
  private static final String ROOM = "general";
  private static final Duration JUST_BEFORE = RoomSequence.GAP_WAIT.minusMillis(1);

  private final FakeClock clock = new FakeClock();
  private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
  private final RoomPublisher encoder = new RoomPublisher(new LocalBroadcaster(), new RecordingCodec());
  private final List<RoomEvent> passedOn = new ArrayList<>();
  private final List<Runnable> storeReads = new ArrayList<>();

  @Test
  void messages_stored_before_it_started_are_history_and_not_passed_on() throws Exception {
    Message old = store("old");
    RoomSequence sequence = start();

    sequence.accept(encoder.newMessage(old));
    Message next = store("next");
    sequence.accept(encoder.newMessage(next));

    assertThat(passedSeqs()).containsExactly(next.seq());
  }

  @Test
  void the_next_message_goes_on_at_once_and_a_repeat_is_dropped() throws Exception {
    RoomSequence sequence = start();
    Message first = store("one");
    Message second = store("two");

    sequence.accept(encoder.newMessage(first));
    sequence.accept(encoder.newMessage(first));
    sequence.accept(encoder.newMessage(second));

    assertThat(passedSeqs()).containsExactly(1L, 2L);
  }

  @Test
  void a_message_that_skips_ahead_waits_for_the_one_before_it() throws Exception {
    RoomSequence sequence = start();
    Message first = store("one");
    Message second = store("two");

    sequence.accept(encoder.newMessage(second));
    clock.advance(JUST_BEFORE);
    assertThat(passedOn).isEmpty();
    sequence.accept(encoder.newMessage(first));

    assertThat(passedSeqs()).containsExactly(1L, 2L);
    clock.advance(Duration.ofSeconds(1));
    runStoreReads();
    assertThat(passedSeqs()).containsExactly(1L, 2L);
  }

  @Test
  void a_gap_that_stays_open_is_read_from_the_store_after_the_wait() throws Exception {
    RoomSequence sequence = start();
    List<Message> stored = List.of(store("one"), store("two"), store("three"), store("four"));

    sequence.accept(encoder.newMessage(stored.get(0)));
    sequence.accept(encoder.newMessage(stored.get(3))); // two and three were lost
    clock.advance(RoomSequence.GAP_WAIT);
    runStoreReads();
    sequence.accept(encoder.newMessage(stored.get(2))); // late: already read from the store

    assertThat(passedSeqs()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(passedOn).extracting(RoomEvent::messageId).containsExactlyElementsOf(stored.stream().map(Message::id).toList());
  }

  @Test
  void after_the_broker_was_cut_off_everything_since_the_last_message_is_read() throws Exception {
    RoomSequence sequence = start();
    sequence.accept(encoder.newMessage(store("before the cut")));
    for (int i = 0; i < Rooms.MAX_RECOVERY + 3; i++) {
      store("during the cut " + i); // more than one page
    }

    sequence.resumed();
    runStoreReads();

    assertThat(passedSeqs()).hasSize(Rooms.MAX_RECOVERY + 4).isSorted().doesNotHaveDuplicates();
    assertThat(passedSeqs().get(passedSeqs().size() - 1)).isEqualTo(Rooms.MAX_RECOVERY + 4);
  }

  @Test
  void events_without_a_place_in_the_order_pass_straight_on_even_while_a_gap_is_open() throws Exception {
    RoomSequence sequence = start();
    store("lost");
    sequence.accept(encoder.newMessage(store("ahead")));
    RoomEvent typing = new RoomEvent(ROOM, 0, 0, 7, "typing");

    sequence.accept(typing);

    assertThat(passedOn).containsExactly(typing);
  }

  private RoomSequence start() {
    return new RoomSequence(ROOM, store, encoder, passedOn::add, clock, storeReads::add);
  }

  private Message store(String text) throws Exception {
    return new AppendRecorder(store).append(new NewMessage(ROOM, new User(1, "alice"), text, null))
        .get(1, TimeUnit.SECONDS).message();
  }

  private void runStoreReads() {
    while (!storeReads.isEmpty()) {
      storeReads.remove(0).run();
    }
  }

  private List<Long> passedSeqs() {
    return passedOn.stream().map(RoomEvent::seq).toList();
  }
}
