package dev.jchat.core.chat;

import dev.jchat.core.domain.User;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Connection;
import dev.jchat.core.port.RoomEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client connection as the core sees it: who it is, whether it is still open, when it was last
 * heard, its timers, the rooms it joined (a {@link RoomFeed} each), its limits and its outbox. It
 * holds state, not chat rules.
 */
final class ChatSession {

  /** What the gate must hear of a session's outbox, with the session it concerns. */
  interface OutboxEvents {
    void overflowed(ChatSession session);

    void sendFailed(ChatSession session, Throwable cause);
  }

  private final String id;
  private final Connection connection;
  private final Outbox outbox;
  private final SessionLimits limits;
  private final Clock clock;
  private final Instant openedAt;
  private final Map<String, RoomFeed> rooms = new ConcurrentHashMap<>();
  private final List<Clock.Timer> timers = new ArrayList<>();
  private volatile User user;
  private volatile Instant lastHeard;
  private volatile Instant lastPinged;
  private volatile boolean closed;
  // The fan-out's alone (its runs are ordered): when it last wrote here, in Clock.nanoTime, if it has,
  // and how many frames it has queued here since.
  private long fanoutWroteAt;
  private boolean fanoutWrote;
  private int fanoutUnwritten;

  ChatSession(String id, Connection connection, ChatSettings settings, Clock clock, OutboxEvents events,
              ChatMetrics metrics) {
    this.id = id;
    this.connection = connection;
    this.clock = clock;
    this.outbox = new Outbox(connection, settings.outbox(), new Outbox.Listener() {
      @Override
      public void overflowed() {
        events.overflowed(ChatSession.this);
      }

      @Override
      public void sendFailed(Throwable cause) {
        events.sendFailed(ChatSession.this, cause);
      }
    }, metrics);
    this.limits = new SessionLimits(settings.limits(), clock);
    this.openedAt = clock.now();
    this.lastHeard = openedAt;
    this.lastPinged = openedAt;
  }

  String id() {
    return id;
  }

  Connection connection() {
    return connection;
  }

  Outbox outbox() {
    return outbox;
  }

  SessionLimits limits() {
    return limits;
  }

  Instant openedAt() {
    return openedAt;
  }

  /** The authenticated user, or null before auth. */
  User user() {
    return user;
  }

  void authenticated(User user) {
    this.user = user;
  }

  /** Any sign of life, a pong included. */
  void heard() {
    lastHeard = clock.now();
  }

  Instant lastHeard() {
    return lastHeard;
  }

  Instant lastPinged() {
    return lastPinged;
  }

  void pinged() {
    lastPinged = clock.now();
  }

  boolean isClosed() {
    return closed;
  }

  /** Marks the session closed and cancels its timers; true only for the first call. */
  synchronized boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    timers.forEach(Clock.Timer::cancel);
    timers.clear();
    return true;
  }

  /** Keeps a timer to cancel when the session closes (at once if it has). */
  synchronized void addTimer(Clock.Timer timer) {
    if (closed) {
      timer.cancel();
    } else {
      timers.add(timer);
    }
  }

  /** Queues a frame and starts writing it. */
  void send(String frame) {
    outbox.offer(frame);
  }

  boolean isIn(String room) {
    return rooms.containsKey(room);
  }

  List<String> roomsJoined() {
    return List.copyOf(rooms.keySet());
  }

  /** Starts receiving the room's events published after {@code lastPublished}; false if already in it. */
  boolean startJoin(String room, long lastPublished) {
    return rooms.putIfAbsent(room, new RoomFeed(lastPublished)) == null;
  }

  /** The join's history is queued up to message {@code newestSent}: the room's events flow from now on. */
  void goLive(String room, long newestSent) {
    RoomFeed feed = rooms.get(room);
    if (feed != null) {
      feed.goLive(newestSent, outbox);
    }
  }

  /** True when the session was in the room. */
  boolean leave(String room) {
    return rooms.remove(room) != null;
  }

  /** Queues a room event's frame for the next {@link #flush}, unless it is not for this session. */
  boolean deliver(RoomEvent event, long sequence) {
    User me = user;
    if (closed || me == null || me.id() == event.excludedUserId()) {
      return false;
    }
    RoomFeed feed = rooms.get(event.room());
    boolean queued = feed != null && feed.deliver(event, sequence, outbox);
    if (queued) {
      fanoutUnwritten++;
    }
    return queued;
  }

  /** How many frames the fan-out has queued here since it last wrote. */
  int fanoutUnwritten() {
    return fanoutUnwritten;
  }

  /** How long until the fan-out may write here again, given its write interval; 0 or less: now. */
  long fanoutWaitNanos(long now, long writeIntervalNanos) {
    return fanoutWrote ? fanoutWroteAt + writeIntervalNanos - now : 0;
  }

  /** Writes what {@link #deliver} queued; {@code now} is the fan-out's clock reading. */
  void flush(long now) {
    outbox.flush();
    fanoutWroteAt = now;
    fanoutWrote = true;
    fanoutUnwritten = 0;
  }
}
