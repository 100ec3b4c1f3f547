package dev.jchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomFeedTest {
  private final RoomFeed feed = new RoomFeed();

  @Test
  void theFirstHistoryIsDeliveredWholeAndStartsTheSequence() {
    assertThat(seqs(feed.history(List.of(message(41), message(42))))).containsExactly(41L, 42L);
    assertThat(seqs(feed.accept(List.of(message(43))))).containsExactly(43L);
    assertThat(feed.since()).isEqualTo(43 * 10);
  }

  @Test
  void anEmptyRoomStartsAtSeqOne() {
    feed.history(List.of());

    assertThat(feed.since()).isZero();
    assertThat(seqs(feed.accept(List.of(message(1))))).containsExactly(1L);
  }

  @Test
  void liveMessagesBeforeTheFirstHistoryWaitForIt() {
    assertThat(feed.accept(List.of(message(3)))).isEmpty();
    assertThat(feed.since()).isNull();

    assertThat(seqs(feed.history(List.of(message(1), message(2))))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void repeatsAreDropped() {
    feed.history(List.of(message(1), message(2)));

    assertThat(feed.accept(List.of(message(2), message(1)))).isEmpty();
    assertThat(seqs(feed.history(List.of(message(2), message(3))))).containsExactly(3L);
  }

  @Test
  void aMessagePastAHoleWaitsUntilTheHoleIsFilled() {
    feed.history(List.of(message(1)));

    assertThat(feed.accept(List.of(message(3)))).isEmpty();
    assertThat(feed.hasHole()).isTrue();
    assertThat(feed.since()).isEqualTo(10); // a recovering join asks for what came after seq 1

    assertThat(seqs(feed.history(List.of(message(2), message(3))))).containsExactly(2L, 3L);
    assertThat(feed.hasHole()).isFalse();
  }

  private static Message message(long seq) {
    return new Message(seq * 10, seq, "general", "alice", 7, "text " + seq, Instant.EPOCH, null);
  }

  private static List<Long> seqs(List<Message> messages) {
    return messages.stream().map(Message::seq).toList();
  }
}
