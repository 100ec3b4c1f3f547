package dev.jchat.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.AppendRecorder;
import dev.jchat.core.port.AppendRecorder.Stored;
import dev.jchat.core.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two store instances on one PostgreSQL schema, each with its own pool, as two app instances. */
class ConcurrentWritersTest {
  private static final Duration WRITING = Duration.ofSeconds(3);
  private static final int SENDERS_PER_INSTANCE = 6;
  private static final long WAIT_SECONDS = 30;

  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres();

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void a_reader_following_two_busy_writers_of_one_room_gets_every_acknowledged_message_once_in_id_order()
      throws Exception {
    String room = "busy";
    List<Long> acked = Collections.synchronizedList(new ArrayList<>());
    List<Long> read = new ArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    try (TwoInstances instances = new TwoInstances()) {
      long deadline = System.nanoTime() + WRITING.toNanos();
      List<Future<?>> senders = new ArrayList<>();
      for (int sender = 0; sender < 2 * SENDERS_PER_INSTANCE; sender++) {
        User author = new User(sender + 1, "sender" + sender);
        int number = sender;
        senders.add(threads.submit(() -> {
          for (int i = 0; System.nanoTime() < deadline; i++) {
            NewMessage message = new NewMessage(room, author, "m" + i, "c-" + i);
            AppendRecorder via = number % 2 == 0 ? instances.viaFirst : instances.viaSecond;
            acked.add(via.append(message).get(WAIT_SECONDS, TimeUnit.SECONDS).message().id());
          }
          return null;
        }));
      }
      Future<?> reader = threads.submit(() -> follow(instances.first, room, writing, read));
      for (Future<?> sender : senders) {
        sender.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      writing.set(false);
      reader.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(acked).hasSizeGreaterThan(100);
      assertThat(read).isSorted().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acked);
      assertThat(instances.viaFirst.reportedIds()).isNotEmpty().isSorted();
      assertThat(instances.viaSecond.reportedIds()).isNotEmpty().isSorted();
    }
  }

  @Test
  void one_clientMsgId_sent_through_two_instances_at_once_is_stored_once() throws Exception {
    User alice = new User(1_000, "alice"); // not one of the senders of the other test
    int count = 200;
    try (TwoInstances instances = new TwoInstances()) {
      List<CompletableFuture<Stored>> viaFirst = new ArrayList<>();
      List<CompletableFuture<Stored>> viaSecond = new ArrayList<>();

      // different rooms, so the instances do not take turns on one room lock but really race
      for (int i = 0; i < count; i++) {
        viaFirst.add(instances.viaFirst.append(new NewMessage("repeats-a", alice, "one", "c-" + i)));
        viaSecond.add(instances.viaSecond.append(new NewMessage("repeats-b", alice, "two", "c-" + i)));
      }

      for (int i = 0; i < count; i++) {
        assertThat(viaFirst.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).message())
            .isEqualTo(viaSecond.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).message());
      }
      int stored = instances.first.after("repeats-a", 0, 500).messages().size()
          + instances.first.after("repeats-b", 0, 500).messages().size();
      assertThat(stored).isEqualTo(count);
    }
  }

  /** Reads after the last id seen until the writers stopped and a read after that found nothing new. */
  private static void follow(MessageStore store, String room, AtomicBoolean writing, List<Long> read) {
    long lastId = 0;
    while (true) {
      boolean stopped = !writing.get();
      HistoryPage page = store.after(room, lastId, 500);
      page.messages().forEach(message -> read.add(message.id()));
      lastId = Math.max(lastId, page.lastId());
      if (stopped && page.messages().isEmpty()) {
        return;
      }
    }
  }

  /** Two stores, each on its own pool, as two app instances. */
  private static final class TwoInstances implements AutoCloseable {
    final FakeClock clock = new FakeClock();
    final Database secondPool = Database.start(DB.config());
    final JdbcMessageStore first = new JdbcMessageStore(DB.database(), clock);
    final JdbcMessageStore second = new JdbcMessageStore(secondPool, clock);
    final AppendRecorder viaFirst = new AppendRecorder(first);
    final AppendRecorder viaSecond = new AppendRecorder(second);

    @Override
    public void close() {
      first.close();
      second.close();
      secondPool.close();
    }
  }
}
