package dev.jchat.jdbc;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.SystemClock;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.MessageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Acknowledged sends per second and ack latency of {@link JdbcMessageStore} on H2 (a temporary file)
 * and PostgreSQL (a temporary schema), in three ways of writing: group commit as by default (no
 * wait), group commit waiting up to 2 ms for more, and batches of one. For each: closed-loop runs
 * with 1, 10 and 50 senders in one room (each sends its next message once the last was
 * acknowledged), then an open-loop run at a fixed 1,000 messages a second (latency counted from the
 * moment a message was due, so that a stall is not hidden).
 *
 * <p>Run from the repository root:
 * <pre>
 *   mvn -q -pl chat-core,adapter-jdbc -am install -DskipTests
 *   mvn -q -pl adapter-jdbc test-compile exec:java
 * </pre>
 * Option: {@code -Dbench.seconds=5}, the measured length of a closed-loop run; the fixed-rate run
 * lasts twice as long. Each run first warms up for a second, each database for five seconds with ten
 * senders (not shown). PostgreSQL is found as by the tests (CHAT_TEST_PG_URL, CHAT_TEST_PG_USER,
 * CHAT_TEST_PG_PASSWORD) and skipped when unreachable.
 */
public final class StoreBenchmark {
  private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
  private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int WARM_UP_SECONDS = 5;
  private static final int FIXED_RATE = 1_000;
  private static final int POOL_SIZE = 10;
  private static final String TEXT =
      "a benchmark message of about a hundred characters, like a short line typed in a chat room.";
  private static final AtomicInteger RUNS = new AtomicInteger();

  private StoreBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    System.out.printf("%-11s %-15s %-12s %10s %9s %9s %9s%n",
        "store", "writes", "load", "acked/s", "p50 ms", "p99 ms", "max ms");
    Path h2Folder = Files.createTempDirectory("jchat-bench-");
    try (Database h2 = Database.start(DatabaseConfig.h2File(h2Folder))) {
      benchmark(h2);
    } finally {
      TestDatabase.deleteRecursively(h2Folder);
    }
    Optional<String> unreachable = PostgresServer.unreachableBecause();
    if (unreachable.isPresent()) {
      System.out.println("postgresql skipped: " + unreachable.get());
      return;
    }
    String schema = PostgresServer.createSchema();
    DatabaseConfig inSchema = PostgresServer.config(schema);
    DatabaseConfig config = new DatabaseConfig(inSchema.url(), inSchema.user(), inSchema.password(), POOL_SIZE);
    try (Database postgres = Database.start(config)) {
      benchmark(postgres);
    } finally {
      PostgresServer.dropSchema(schema);
    }
  }

  private static void benchmark(Database database) throws Exception {
    closedLoop(database, GroupCommitSettings.defaults(), 10, WARM_UP_SECONDS); // compiles the hot code first
    List<GroupCommitSettings> modes = List.of(GroupCommitSettings.defaults(),
        GroupCommitSettings.waitingUpTo(Duration.ofMillis(2)), GroupCommitSettings.batchesOfOne());
    for (GroupCommitSettings writes : modes) {
      for (int senders : new int[] {1, 10, 50}) {
        print(database, writes, senders + " senders", SECONDS, closedLoop(database, writes, senders, SECONDS));
      }
      print(database, writes, "1,000/s", 2 * SECONDS, fixedRate(database, writes));
    }
  }

  /** Each sender sends its next message once the last was acknowledged. */
  private static Result closedLoop(Database database, GroupCommitSettings writes, int senders, int seconds)
      throws Exception {
    Result result = new Result();
    int run = RUNS.incrementAndGet();
    long measureFrom = System.nanoTime() + WARM_UP_NANOS;
    long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    try (SystemClock clock = new SystemClock();
         JdbcMessageStore store = new JdbcMessageStore(database, clock, writes, ChatMetrics.NONE)) {
      List<Thread> threads = new ArrayList<>();
      for (int sender = 0; sender < senders; sender++) {
        User author = new User(run * 1_000L + sender, "sender" + sender);
        Thread thread = new Thread(() -> {
          Semaphore reported = new Semaphore(0);
          for (int i = 0; System.nanoTime() < measureUntil; i++) {
            long start = System.nanoTime();
            store.append(new NewMessage("bench-" + run, author, TEXT, "c-" + i),
                result.measure(start, start >= measureFrom, reported::release));
            reported.acquireUninterruptibly();
          }
        });
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
    }
    return result;
  }

  /** One message every millisecond, whether or not the earlier ones were acknowledged. */
  private static Result fixedRate(Database database, GroupCommitSettings writes) throws Exception {
    Result result = new Result();
    int run = RUNS.incrementAndGet();
    int warmUp = FIXED_RATE;
    int count = warmUp + 2 * SECONDS * FIXED_RATE;
    long interval = TimeUnit.SECONDS.toNanos(1) / FIXED_RATE;
    CountDownLatch reported = new CountDownLatch(count);
    try (SystemClock clock = new SystemClock();
         JdbcMessageStore store = new JdbcMessageStore(database, clock, writes, ChatMetrics.NONE)) {
      long begin = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long due = begin + i * interval;
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
        User author = new User(run * 1_000L + i % 50, "sender" + i % 50);
        NewMessage message = new NewMessage("bench-" + run, author, TEXT, "c-" + i);
        store.append(message, result.measure(due, i >= warmUp, reported::countDown));
      }
      if (!reported.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("appends were not reported within two minutes");
      }
    }
    return result;
  }

  private static void print(Database database, GroupCommitSettings writes, String load, int seconds, Result result) {
    Histogram latencies = result.latencies;
    System.out.printf("%-11s %-15s %-12s %,10.0f %9.2f %9.2f %9.2f%s%n", database.vendor(), mode(writes), load,
        latencies.getTotalCount() / (double) seconds, millis(latencies.getValueAtPercentile(50)),
        millis(latencies.getValueAtPercentile(99)), millis(latencies.getMaxValue()),
        result.failures.get() == 0 ? "" : "  (" + result.failures + " failed)");
  }

  private static String mode(GroupCommitSettings writes) {
    if (writes.maxBatchSize() == 1) {
      return "batches of 1";
    }
    return writes.maxWait().isZero() ? "group, no wait" : "group, wait " + writes.maxWait().toMillis() + "ms";
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  /** The latencies of one run's acknowledged appends, and how many failed. */
  private static final class Result {
    final Histogram latencies = new ConcurrentHistogram(3);
    final AtomicInteger failures = new AtomicInteger();

    /** A callback that records the time since {@code start} if {@code measured}, then runs {@code then}. */
    MessageStore.AppendCallback measure(long start, boolean measured, Runnable then) {
      return new MessageStore.AppendCallback() {
        @Override
        public void stored(Message message, boolean firstTime) {
          if (measured) {
            latencies.recordValue(System.nanoTime() - start);
          }
          then.run();
        }

        @Override
        public void failed(Exception cause) {
          failures.incrementAndGet();
          then.run();
        }
      };
    }
  }
}
