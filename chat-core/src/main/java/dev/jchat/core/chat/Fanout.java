package dev.jchat.core.chat;

import dev.jchat.core.port.RoomEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers room events to this instance's members in rounds on an executor of its own, so that a
 * publisher (the store's writer, a broker's thread) never spends its time on sockets. A round takes
 * the events that wait, queues their frames in the members' outboxes and only then flushes each
 * outbox once: the busier the room, the more frames share one socket write.
 *
 * <p>Every event gets a sequence number when it is published. A connection that joins a room skips
 * the events numbered before its join: what they changed is already in the history and presence it
 * reads after joining, as when delivery was immediate.
 */
final class Fanout {
  private static final System.Logger LOG = System.getLogger(Fanout.class.getName());
  private static final int MAX_EVENTS_PER_ROUND = 256;

  private record Numbered(RoomEvent event, long sequence) {
  }

  private final RoomMembers members;
  private final Executor executor;
  private final AtomicLong published = new AtomicLong();
  private final BlockingQueue<Numbered> waiting = new LinkedBlockingQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final List<Numbered> round = new ArrayList<>();
  private final Set<ChatSession> queuedTo = new HashSet<>();

  Fanout(RoomMembers members, Executor executor) {
    this.members = members;
    this.executor = executor;
  }

  /** One thread, started when events come and ended after a second without any: nothing to shut down. */
  static Executor ownThread() {
    return new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "jchat-fanout");
      thread.setDaemon(true);
      return thread;
    });
  }

  void publish(RoomEvent event) {
    waiting.add(new Numbered(event, published.incrementAndGet()));
    if (scheduled.compareAndSet(false, true)) {
      executor.execute(this::deliverWaiting);
    }
  }

  /** The number of the last event published so far. */
  long lastPublished() {
    return published.get();
  }

  /** Runs rounds until nothing waits; one run at a time (the flag), so rounds need no lock. */
  private void deliverWaiting() {
    do {
      while (waiting.drainTo(round, MAX_EVENTS_PER_ROUND) > 0) {
        try {
          round.forEach(numbered -> members.deliver(numbered.event(), numbered.sequence(), queuedTo));
          queuedTo.forEach(ChatSession::flush);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "a room event could not be delivered", e);
        } finally {
          round.clear();
          queuedTo.clear();
        }
      }
      scheduled.set(false);
    } while (!waiting.isEmpty() && scheduled.compareAndSet(false, true));
  }
}
