package dev.jchat.core.chat;

import dev.jchat.core.port.RoomEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
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
 * Delivers room events to this instance's members on an executor of its own, so that a publisher
 * (the store's writer, a broker's thread) never spends its time on sockets. It queues the frames of
 * the waiting events in the members' outboxes, then writes to the connections in the order they got
 * their first unwritten frame, looking for new events every few connections: a connection still in
 * line takes the new frames in the same write, so the busier the room, the more frames share one
 * socket write, and a message waits for at most one pass over the connections.
 *
 * <p>A connection is written at most once per write interval: one written less than that ago keeps its
 * place in line, and the frames that come meanwhile go out together when its time comes. A busy room
 * then costs its members' clients, and the kernel, a write per interval rather than one per message;
 * a message waits at most the interval longer, and one to a connection not written lately not at all.
 *
 * <p>Every event gets a sequence number when it is published. A connection that joins a room skips
 * the events numbered before its join: what they changed is already in the history and presence it
 * reads after joining, as when delivery was immediate.
 */
final class Fanout {
  private static final System.Logger LOG = System.getLogger(Fanout.class.getName());
  private static final int MAX_EVENTS_AT_ONCE = 256;
  private static final int WRITES_BETWEEN_LOOKS = 64;
  /** The shortest wait for the next connection's time, so that a pass goes on in steps, not one park per write. */
  private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private record Numbered(RoomEvent event, long sequence) {
  }

  private final RoomMembers members;
  private final Executor executor;
  private long writeIntervalNanos;
  private final AtomicLong published = new AtomicLong();
  private final BlockingQueue<Numbered> waiting = new LinkedBlockingQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final List<Numbered> taken = new ArrayList<>();
  /** The connections with unwritten frames, in the order they got the first one. */
  private final Set<ChatSession> inLine = new LinkedHashSet<>();

  /** With {@code Runnable::run} as the executor, the interval must be zero: a publisher never waits. */
  Fanout(RoomMembers members, Executor executor, Duration writeInterval) {
    this.members = members;
    this.executor = executor;
    this.writeIntervalNanos = writeInterval.toNanos();
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

  /** Runs until nothing waits and every frame is handed over; one run at a time (the flag), so no lock. */
  private void deliverWaiting() {
    do {
      do {
        try {
          queueWaiting();
          long wait = writeSome();
          if (wait > 0) {
            awaitEvent(Math.max(wait, MIN_WAIT_NANOS));
          }
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "a room event could not be delivered", e);
        }
      } while (!inLine.isEmpty() || !taken.isEmpty() || !waiting.isEmpty());
      scheduled.set(false);
    } while (!waiting.isEmpty() && scheduled.compareAndSet(false, true));
  }

  private void queueWaiting() {
    waiting.drainTo(taken, MAX_EVENTS_AT_ONCE - taken.size());
    try {
      taken.forEach(numbered -> members.deliver(numbered.event(), numbered.sequence(), inLine));
    } finally {
      taken.clear();
    }
  }

  /**
   * Writes to the next few connections in line whose interval has passed, passing over the others;
   * when it could write to none, returns how long until one's interval passes, else 0.
   */
  private long writeSome() {
    long soonest = Long.MAX_VALUE;
    int written = 0;
    long now = System.nanoTime(); // read again after each write, not for each connection passed over
    Iterator<ChatSession> next = inLine.iterator();
    while (written < WRITES_BETWEEN_LOOKS && next.hasNext()) {
      ChatSession session = next.next();
      long wait = session.untilFlush(writeIntervalNanos, now);
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
      } else {
        next.remove();
        session.flush(now);
        written++;
        now = System.nanoTime();
      }
    }
    return written > 0 || soonest == Long.MAX_VALUE ? 0 : soonest;
  }

  /** Waits until an event comes or the time has passed, whichever is first. */
  private void awaitEvent(long nanos) {
    try {
      Numbered event = waiting.poll(nanos, TimeUnit.NANOSECONDS);
      if (event != null) {
        taken.add(event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      writeIntervalNanos = 0; // a thread asked to stop writes what is left at once rather than wait
    }
  }
}
