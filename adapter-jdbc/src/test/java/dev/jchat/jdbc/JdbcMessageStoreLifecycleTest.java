package dev.jchat.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.AppendRecorder.Stored;
import dev.jchat.core.port.AppendRecorder;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.StoreUnavailableException;
import dev.jchat.core.testing.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How the store starts, queues and stops, on H2. */
class JdbcMessageStoreLifecycleTest {
  private static final long WAIT_SECONDS = 10;
  private static final User ALICE = new User(1, "alice");

  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2();

  private final FakeClock clock = new FakeClock();

  @Test
  void closing_stores_what_is_queued_and_reports_every_append_before_it_returns() throws Exception {
    List<CompletableFuture<Message>> outcomes = new ArrayList<>();
    JdbcMessageStore store = new JdbcMessageStore(DB.database(), clock);
    for (int i = 0; i < 300; i++) {
      outcomes.add(append(store, new NewMessage("closing", ALICE, "m" + i, null)));
    }

    store.close();

    assertThat(outcomes).allMatch(CompletableFuture::isDone);
    assertThat(outcomes).noneMatch(CompletableFuture::isCompletedExceptionally);
    assertThat(store.after("closing", 0, 500).messages()).hasSize(300);
  }

  @Test
  void an_append_after_close_fails_as_unavailable() {
    JdbcMessageStore store = new JdbcMessageStore(DB.database(), clock);
    store.close();

    CompletableFuture<Message> outcome = append(store, new NewMessage("closed", ALICE, "late", null));

    assertThat(outcome).isCompletedExceptionally();
    assertThat(causeOf(outcome)).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void an_append_that_finds_the_queue_full_fails_at_once() throws Exception {
    GroupCommitSettings tiny = new GroupCommitSettings(1, Duration.ZERO, 2);
    CountDownLatch writerBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (JdbcMessageStore store = new JdbcMessageStore(DB.database(), clock, tiny, ChatMetrics.NONE)) {
      store.append(new NewMessage("full", ALICE, "holds the writer", null), new Stalling(writerBusy, release));
      assertThat(writerBusy.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Message> queued1 = append(store, new NewMessage("full", ALICE, "queued", null));
      CompletableFuture<Message> queued2 = append(store, new NewMessage("full", ALICE, "queued", null));

      CompletableFuture<Message> overflow = append(store, new NewMessage("full", ALICE, "one too many", null));

      assertThat(overflow).isCompletedExceptionally();
      assertThat(causeOf(overflow)).isInstanceOf(StoreUnavailableException.class);
      release.countDown();
      long firstId = queued1.get(WAIT_SECONDS, TimeUnit.SECONDS).id();
      assertThat(queued2.get(WAIT_SECONDS, TimeUnit.SECONDS).id()).isGreaterThan(firstId);
    }
  }

  @Test
  void a_callback_that_throws_keeps_neither_the_others_nor_later_appends_from_being_reported() throws Exception {
    try (JdbcMessageStore store = new JdbcMessageStore(DB.database(), clock)) {
      store.append(new NewMessage("throwing", ALICE, "first", null), new MessageStore.AppendCallback() {
        @Override
        public void stored(Message message, boolean firstTime) {
          throw new IllegalStateException("a faulty caller");
        }

        @Override
        public void failed(Exception cause) {
          throw new IllegalStateException("a faulty caller");
        }
      });

      CompletableFuture<Message> next = append(store, new NewMessage("throwing", ALICE, "second", null));

      assertThat(next.get(WAIT_SECONDS, TimeUnit.SECONDS).text()).isEqualTo("second");
    }
  }

  @Test
  void messages_and_accounts_survive_closing_and_reopening_the_h2_file(@TempDir Path folder) throws Exception {
    DatabaseConfig config = DatabaseConfig.h2File(folder);
    Message sent;
    try (Database database = Database.start(config); JdbcMessageStore store = new JdbcMessageStore(database, clock)) {
      new JdbcUserStore(database).create("Alice", "hash");
      sent = append(store, new NewMessage("kept", ALICE, "still here?", "c-1")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    try (Database database = Database.start(config); JdbcMessageStore store = new JdbcMessageStore(database, clock)) {
      assertThat(store.before("kept", null, 10).messages()).containsExactly(sent);
      assertThat(store.rooms()).containsEntry("kept", sent.id());
      assertThat(new JdbcUserStore(database).findByName("alice")).isPresent();
    }
  }

  private static CompletableFuture<Message> append(MessageStore store, NewMessage message) {
    return new AppendRecorder(store).append(message).thenApply(Stored::message);
  }

  private static Throwable causeOf(CompletableFuture<?> failed) {
    try {
      failed.get();
      throw new AssertionError("the append did not fail");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** A callback that keeps the writer thread until released, so appends pile up in the queue. */
  private record Stalling(CountDownLatch entered, CountDownLatch release) implements MessageStore.AppendCallback {
    @Override
    public void stored(Message message, boolean firstTime) {
      entered.countDown();
      try {
        release.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void failed(Exception cause) {
      entered.countDown();
    }
  }
}
