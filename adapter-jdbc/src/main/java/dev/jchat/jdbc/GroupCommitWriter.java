package dev.jchat.jdbc;

import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.MessageStore.AppendCallback;
import dev.jchat.core.port.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes the queued appends in batches, writes each batch in one transaction
 * and, once it committed, reports every append of it in id order. Only this thread reports a stored
 * message, so callbacks never overlap; and a batch draws its ids after the previous one committed,
 * so for one room they come in id order. When a batch fails, every append in it fails and nothing
 * of it was stored; the next batch tries the database again.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  /** How often an idle writer checks whether it was closed. */
  private static final Duration IDLE_POLL = Duration.ofMillis(50);
  /** How long close() lets the writer store what is queued before failing the rest. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** An append waiting for its batch; compared by identity, so it can be taken back from the queue. */
  private static final class Pending {
    final NewMessage message;
    final AppendCallback callback;

    Pending(NewMessage message, AppendCallback callback) {
      this.message = message;
      this.callback = callback;
    }
  }

  private final AppendTransaction transaction;
  private final GroupCommitSettings settings;
  private final ChatMetrics metrics;
  private final BlockingQueue<Pending> queue;
  private final Thread thread;
  private volatile boolean closed;

  private GroupCommitWriter(AppendTransaction transaction, GroupCommitSettings settings, ChatMetrics metrics) {
    this.transaction = transaction;
    this.settings = settings;
    this.metrics = metrics;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.thread = new Thread(this::run, "jchat-message-writer");
    thread.setDaemon(true);
  }

  static GroupCommitWriter start(AppendTransaction transaction, GroupCommitSettings settings, ChatMetrics metrics) {
    GroupCommitWriter writer = new GroupCommitWriter(transaction, settings, metrics);
    writer.thread.start();
    return writer;
  }

  /** Queues an append; never blocks. A full queue or a closed writer fails it at once. */
  void submit(NewMessage message, AppendCallback callback) {
    Pending pending = new Pending(message, callback);
    if (closed) {
      report(pending, done -> done.failed(closedFailure()));
    } else if (!queue.offer(pending)) {
      report(pending, done -> done.failed(new StoreUnavailableException("too many messages wait to be stored", null)));
    } else if (closed && queue.remove(pending)) {
      report(pending, done -> done.failed(closedFailure())); // close() raced us; nobody else will take it
    }
  }

  /** Stores what is queued (for ten seconds at most), fails the rest, and stops the thread. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(DRAIN_TIMEOUT.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(DRAIN_TIMEOUT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(pending -> report(pending, done -> done.failed(closedFailure())));
  }

  private void run() {
    try {
      while (!(closed && queue.isEmpty()) && !Thread.currentThread().isInterrupted()) {
        List<Pending> batch = nextBatch();
        if (!batch.isEmpty()) {
          write(batch);
        }
      }
    } catch (InterruptedException e) {
      // close() stopped waiting for the queue to drain; it fails what is left
    }
  }

  /** The first waiting append and whatever else is queued or comes within maxWait, up to maxBatchSize. */
  private List<Pending> nextBatch() throws InterruptedException {
    List<Pending> batch = new ArrayList<>();
    Pending first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    long deadline = System.nanoTime() + settings.maxWait().toNanos();
    while (batch.size() < settings.maxBatchSize()) {
      queue.drainTo(batch, settings.maxBatchSize() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() == settings.maxBatchSize() || left <= 0) {
        break;
      }
      Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return batch;
  }

  private void write(List<Pending> batch) {
    List<Appended> results;
    try {
      results = transaction.write(batch.stream().map(pending -> pending.message).toList());
    } catch (SQLException | RuntimeException e) {
      // the exception's text may quote the statement's parameters, so the log names only its kind
      LOG.warn("a batch of {} messages was not stored: {}", batch.size(), Database.describe(e));
      StoreUnavailableException failure = new StoreUnavailableException("the message was not stored", e);
      batch.forEach(pending -> report(pending, done -> done.failed(failure)));
      return;
    }
    metrics.batchStored(batch.size());
    IntStream.range(0, batch.size()).boxed()
        .sorted(Comparator.comparingLong(i -> results.get(i).message().id()))
        .forEach(i -> report(batch.get(i), done -> done.stored(results.get(i).message(), results.get(i).firstTime())));
  }

  /** Runs one callback; a callback that throws must not keep the others from being called. */
  private static void report(Pending pending, Consumer<AppendCallback> outcome) {
    try {
      outcome.accept(pending.callback);
    } catch (RuntimeException e) {
      LOG.error("an append callback failed", e);
    }
  }

  private static StoreUnavailableException closedFailure() {
    return new StoreUnavailableException("the message store is closed", null);
  }
}
