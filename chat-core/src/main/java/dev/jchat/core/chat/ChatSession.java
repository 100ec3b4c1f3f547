package dev.jchat.core.chat;

import dev.jchat.core.domain.User;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Connection;
import dev.jchat.core.port.RoomEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One client connection as the core sees it: who it is, which rooms it joined, its limits and its
 * outbox. The transport calls {@link ChatService} with it; it never holds chat logic itself.
 */
public final class ChatSession {
  private final String id;
  private final Connection connection;
  private final Outbox outbox;
  private final Clock clock;
  private final TokenBucket frames;
  private final TokenBucket sends;
  private final TokenBucket typing;
  private final ArrayDeque<Instant> rateLimitedAnswers = new ArrayDeque<>();

  private final Map<String, JoinedRoom> rooms = new HashMap<>();
  private volatile User user;
  private volatile Instant lastHeard;
  private volatile Instant lastPinged;
  private volatile boolean closed;
  private final List<Clock.Timer> timers = new ArrayList<>();
  /** When the fan-out last wrote here; a day back at first, so the first write never waits. Fan-out only. */
  private long flushedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

  /**
   * Per room: the last event published before the join (history and presence cover those), the
   * newest message delivered, and live frames held back while history is sent.
   */
  private static final class JoinedRoom {
    final long joinedAfter;
    long lastMessageId;
    List<RoomEvent> heldBack = new ArrayList<>();

    JoinedRoom(long joinedAfter) {
      this.joinedAfter = joinedAfter;
    }
  }

  ChatSession(String id, Connection connection, ChatSettings settings, Clock clock, Outbox.Listener listener) {
    this.id = id;
    this.connection = connection;
    this.clock = clock;
    this.outbox = new Outbox(connection, settings.outboxMaxFrames(), settings.outboxMaxChars(), listener);
    this.frames = new TokenBucket(settings.frameRate(), clock);
    this.sends = new TokenBucket(settings.sendRate(), clock);
    this.typing = new TokenBucket(settings.typingRate(), clock);
    this.lastHeard = clock.now();
    this.lastPinged = lastHeard;
  }

  public String id() {
    return id;
  }

  /** The transport reports any sign of life here, a pong included. */
  public void heard() {
    lastHeard = clock.now();
  }

  Connection connection() {
    return connection;
  }

  Outbox outbox() {
    return outbox;
  }

  User user() {
    return user;
  }

  void authenticated(User user) {
    this.user = user;
  }

  boolean isClosed() {
    return closed;
  }

  /** Marks the session closed; true only for the first call. */
  synchronized boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    timers.forEach(Clock.Timer::cancel);
    timers.clear();
    return true;
  }

  synchronized void addTimer(Clock.Timer timer) {
    if (closed) {
      timer.cancel();
    } else {
      timers.add(timer);
    }
  }

  synchronized void cancelTimer(Clock.Timer timer) {
    timer.cancel();
    timers.remove(timer);
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

  boolean takeFrameToken() {
    return frames.tryTake();
  }

  boolean takeSendToken() {
    return sends.tryTake();
  }

  boolean takeTypingToken() {
    return typing.tryTake();
  }

  /** Counts a rate_limited answer; true when the connection passed the per-minute allowance. */
  boolean rateLimitedTooOften(int allowedPerMinute) {
    Instant now = clock.now();
    rateLimitedAnswers.addLast(now);
    while (!rateLimitedAnswers.isEmpty() && rateLimitedAnswers.peekFirst().isBefore(now.minusSeconds(60))) {
      rateLimitedAnswers.removeFirst();
    }
    return rateLimitedAnswers.size() > allowedPerMinute;
  }

  void send(String frame) {
    outbox.offer(frame);
  }

  synchronized boolean isIn(String room) {
    return rooms.containsKey(room);
  }

  synchronized List<String> roomsJoined() {
    return List.copyOf(rooms.keySet());
  }

  /**
   * Starts a join after event number {@code lastPublished}: later room events are held back until
   * {@link #finishJoin}.
   */
  synchronized void startJoin(String room, long lastPublished) {
    rooms.putIfAbsent(room, new JoinedRoom(lastPublished));
  }

  /** Sends the frames that came in while history was read, newer messages only, then goes live. */
  synchronized void finishJoin(String room, long newestSent) {
    JoinedRoom joined = rooms.get(room);
    if (joined == null || joined.heldBack == null) {
      return;
    }
    List<RoomEvent> held = joined.heldBack;
    joined.heldBack = null;
    joined.lastMessageId = Math.max(joined.lastMessageId, newestSent);
    for (RoomEvent event : held) {
      if (isNew(joined, event)) {
        outbox.hold(event.frame());
      }
    }
    outbox.flush(); // all of them in one write
  }

  synchronized boolean leave(String room) {
    return rooms.remove(room) != null;
  }

  /**
   * Queues a room event's frame for the next {@link #flush}, keeping chat:new strictly increasing per
   * room and skipping excluded users; true when a frame was queued.
   */
  synchronized boolean deliver(RoomEvent event, long sequence) {
    JoinedRoom joined = rooms.get(event.room());
    User me = user;
    if (joined == null || sequence <= joined.joinedAfter || closed || me == null
        || me.id() == event.excludedUserId()) {
      return false;
    }
    if (joined.heldBack != null) {
      joined.heldBack.add(event);
      return false;
    }
    return isNew(joined, event) && outbox.hold(event.frame());
  }

  /** Writes the frames {@link #deliver} queued; {@code now} is {@link System#nanoTime} as the fan-out read it. */
  void flush(long now) {
    flushedAt = now;
    outbox.flush();
  }

  /** Nanoseconds until the fan-out may write to this connection again, at most one write per {@code interval}. */
  long untilFlush(long interval, long now) {
    return flushedAt + interval - now;
  }

  private static boolean isNew(JoinedRoom joined, RoomEvent event) {
    if (event.messageId() == 0) {
      return true;
    }
    if (event.messageId() <= joined.lastMessageId) {
      return false; // already sent in history
    }
    joined.lastMessageId = event.messageId();
    return true;
  }
}
