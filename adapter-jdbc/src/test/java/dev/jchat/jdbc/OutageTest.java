package dev.jchat.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.AppendRecorder;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.StoreUnavailableException;
import dev.jchat.core.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store that reaches PostgreSQL through a proxy which the test cuts or freezes, then restores. */
class OutageTest {
  private static final int SENDERS = 3;
  private static final long WAIT_SECONDS = 20;

  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres();

  private final Set<Long> acked = ConcurrentHashMap.newKeySet();
  private final Semaphore acks = new Semaphore(0);
  private final Semaphore failures = new Semaphore(0);
  private final Queue<Throwable> otherFailures = new ConcurrentLinkedQueue<>();

  @Test
  void during_an_outage_appends_and_reads_fail_nothing_is_falsely_acknowledged_and_the_same_store_recovers()
      throws Exception {
    String room = "outage";
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    AtomicBoolean sending = new AtomicBoolean(true);
    try (TcpProxy proxy = TcpProxy.start(PostgresServer.address());
         Database viaProxy = Database.start(PostgresServer.configVia(DB.schema(), proxy.port()));
         JdbcMessageStore store = new JdbcMessageStore(viaProxy, new FakeClock())) {
      long writers = writerThreads();
      List<Future<?>> running = new ArrayList<>();
      for (int sender = 0; sender < SENDERS; sender++) {
        User author = new User(sender + 1, "sender" + sender);
        running.add(senders.submit(() -> {
          sendUntilStopped(store, room, author, sending);
          return null;
        }));
      }
      awaitPermits(acks, 20, "acknowledgements before the outage");

      proxy.cut(); // while sends are in flight
      awaitPermits(failures, SENDERS, "failed appends during the outage");
      assertThatThrownBy(() -> store.after(room, 0, 10)).isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(store::rooms).isInstanceOf(StoreUnavailableException.class);
      assertThat(viaProxy.isReachable()).isFalse();

      acks.drainPermits();
      proxy.restore();
      awaitPermits(acks, 20, "acknowledgements after the outage, from the same store");
      sending.set(false);
      for (Future<?> sender : running) {
        sender.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }

      assertThat(viaProxy.isReachable()).isTrue();
      assertThat(viaProxy.pool().getHikariPoolMXBean().getActiveConnections()).as("connections in use").isZero();
      assertThat(writerThreads()).as("writer threads").isEqualTo(writers);
    } finally {
      senders.shutdownNow();
    }

    assertThat(otherFailures).as("failures other than unavailable").isEmpty();
    Set<Long> stored = DB.database().withConnection(connection -> MessageTable.after(connection, room, 0, 100_000))
        .messages().stream().map(Message::id).collect(Collectors.toSet());
    assertThat(stored).as("every acknowledged message is stored").containsAll(acked);
  }

  @Test
  void when_the_database_stops_answering_an_append_fails_after_the_read_timeout_and_the_store_recovers()
      throws Exception {
    String room = "partition";
    Duration readTimeout = Duration.ofSeconds(1);
    try (TcpProxy proxy = TcpProxy.start(PostgresServer.address());
         Database viaProxy = Database.start(
             PostgresServer.configVia(DB.schema(), proxy.port()).withReadTimeout(readTimeout));
         JdbcMessageStore store = new JdbcMessageStore(viaProxy, new FakeClock())) {
      AppendRecorder appends = new AppendRecorder(store);
      User author = new User(SENDERS + 1, "alice"); // not a sender of the other test: keys are per author
      long before = appends.append(new NewMessage(room, author, "before", "p-1"))
          .get(WAIT_SECONDS, TimeUnit.SECONDS).message().id();

      proxy.freeze(); // the connections stay open; nothing comes back
      long frozenAt = System.nanoTime();
      CompletableFuture<AppendRecorder.Stored> during = appends.append(new NewMessage(room, author, "during", "p-2"));
      assertThatThrownBy(() -> during.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .hasCauseInstanceOf(StoreUnavailableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).as("time until the append was reported failed")
          .isGreaterThanOrEqualTo(readTimeout).isLessThan(Duration.ofSeconds(WAIT_SECONDS / 2));

      proxy.thaw();
      long after = appends.append(new NewMessage(room, author, "after", "p-3"))
          .get(WAIT_SECONDS, TimeUnit.SECONDS).message().id();
      assertThat(store.after(room, 0, 10).messages()).extracting(Message::id).contains(before, after);
    }
  }

  /** Sends one message after another, each once the previous one was reported; counts the outcomes. */
  private void sendUntilStopped(MessageStore store, String room, User author, AtomicBoolean sending) throws Exception {
    AppendRecorder appends = new AppendRecorder(store);
    for (int i = 0; sending.get(); i++) {
      try {
        acked.add(appends.append(new NewMessage(room, author, "m" + i, "c-" + i))
            .get(WAIT_SECONDS, TimeUnit.SECONDS).message().id());
        acks.release();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof StoreUnavailableException)) {
          otherFailures.add(e.getCause());
        }
        failures.release();
      }
    }
  }

  private static void awaitPermits(Semaphore semaphore, int permits, String what) throws InterruptedException {
    assertThat(semaphore.tryAcquire(permits, WAIT_SECONDS, TimeUnit.SECONDS)).as(what).isTrue();
  }

  private static long writerThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("jchat-message-writer")).count();
  }
}
