package dev.jchat.core.chat;

import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.RoomEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
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
 * <p>A look takes only as many events as leave the head of the line, the connection that has waited
 * longest, with at most {@value #MAX_UNWRITTEN} frames of the fan-out's: when the fan-out falls far
 * behind (a burst of joins, a cold start), the events wait here rather than pile up in outboxes, and
 * a client that reads is never cut off at its outbox's bound for the server's delay.
 *
 * <p>A connection is written at most once per write interval: one written less than that ago keeps its
 * place in line, and the frames that come meanwhile go out together when its time comes (a clock
 * timer wakes the fan-out then). A busy room then costs its members' clients, and the kernel, a write
 * per interval rather than one per message; a message waits at most the interval longer, and one to a
 * connection not written lately not at all.
 *
 * <p>Every event gets a sequence number when it is published. A connection that joins a room skips
 * the events numbered before its join: what they changed is already in the history and presence it
 * reads after joining.
 */
final class Fanout {
  private static final System.Logger LOG = System.getLogger(Fanout.class.getName());
  private static final int MAX_UNWRITTEN = 256;
  private static final int WRITES_BETWEEN_LOOKS = 64;
  /** The shortest wait for the next connection's time, so that a pass goes on in steps, not one timer per write. */
  private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private record Numbered(RoomEvent event, long sequence) {
  }

  private final RoomMembers members;
  private final Executor executor;
  private final Clock clock;
  private final ChatMetrics metrics;
  private final long writeIntervalNanos;
  private final AtomicLong published = new AtomicLong();
  private final ConcurrentLinkedQueue<Numbered> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  // Touched by the one running delivery only (the flag orders the runs).
  private final List<Numbered> taken = new ArrayList<>();
  /** The connections with unwritten frames, in the order they got the first one. */
  private final Set<ChatSession> inLine = new LinkedHashSet<>();

  Fanout(RoomMembers members, Executor executor, Clock clock, Duration writeInterval, ChatMetrics metrics) {
    this.members = members;
    this.executor = executor;
    this.clock = clock;
    this.metrics = metrics;
    this.writeIntervalNanos = writeInterval.toNanos();
  }

  void publish(RoomEvent event) {
    waiting.add(new Numbered(event, published.incrementAndGet()));
    wake();
  }

  /** The number of the last event published so far. */
  long lastPublished() {
    return published.get();
  }

  private void wake() {
    if (running.compareAndSet(false, true)) {
      executor.execute(this::deliverWaiting);
    }
  }

  /**
   * Runs until nothing waits and every connection in line was written or must wait for its interval;
   * then a timer wakes it when the first of those may be written. One run at a time (the flag).
   */
  private void deliverWaiting() {
    long wait = 0;
    do {
      try {
        do {
          queueWaiting();
          wait = writeSome();
        } while (wait == 0 && (!inLine.isEmpty() || !waiting.isEmpty()));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "a room event could not be delivered", e);
      }
      running.set(false);
    } while (!waiting.isEmpty() && running.compareAndSet(false, true));
    if (wait > 0) {
      clock.schedule(Duration.ofNanos(Math.max(wait, MIN_WAIT_NANOS)), this::wake);
    }
  }

  private void queueWaiting() {
    int room = MAX_UNWRITTEN - (inLine.isEmpty() ? 0 : inLine.iterator().next().fanoutUnwritten());
    Numbered next;
    while (taken.size() < room && (next = waiting.poll()) != null) {
      taken.add(next);
    }
    try {
      taken.forEach(numbered -> metrics.delivered(members.deliver(numbered.event(), numbered.sequence(), inLine)));
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
    long now = clock.nanoTime(); // read again after each write, not for each connection passed over
    Iterator<ChatSession> next = inLine.iterator();
    while (written < WRITES_BETWEEN_LOOKS && next.hasNext()) {
      ChatSession session = next.next();
      long wait = session.fanoutWaitNanos(now, writeIntervalNanos);
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
      } else {
        next.remove();
        session.flush(now);
        written++;
        now = clock.nanoTime();
      }
    }
    return written > 0 || soonest == Long.MAX_VALUE ? 0 : soonest;
  }
}
