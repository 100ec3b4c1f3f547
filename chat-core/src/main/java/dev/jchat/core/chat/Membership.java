package dev.jchat.core.chat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.RoomName;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.Presence;
import dev.jchat.core.port.RoomEvent;
import dev.jchat.core.port.StoreUnavailableException;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.ServerEvent;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Who is in which room (PROTOCOL.md sections 4 and 5): join with its history and presence, leave,
 * history pages; and the delivery of room events to this instance's members.
 */
final class Membership {
  private static final Outcome<HistoryPage> UNREADABLE =
      Outcome.refused(ErrorCode.UNAVAILABLE, "history cannot be read now; try again");

  private final MessageStore store;
  private final Presence presence;
  private final Rooms rooms;
  private final TypingTracker typing;
  private final Replies replies;
  private final RoomPublisher publisher;
  private final RoomMembers members;
  private final Fanout fanout;
  private final ChatMetrics metrics;

  /** {@code storeReads} reads the gaps that the broadcaster left (see RoomSequence). */
  Membership(MessageStore store, Presence presence, Broadcaster broadcaster, TypingTracker typing, Replies replies,
             RoomPublisher publisher, Clock clock, Executor fanoutExecutor, Executor storeReads,
             Duration writeInterval, ChatMetrics metrics) {
    this.store = store;
    this.presence = presence;
    this.rooms = new Rooms(store, presence);
    this.typing = typing;
    this.replies = replies;
    this.publisher = publisher;
    this.members = new RoomMembers(broadcaster,
        room -> new RoomSequence(room, store, publisher, this::deliver, clock, storeReads));
    this.fanout = new Fanout(members, fanoutExecutor, clock, writeInterval, metrics);
    this.metrics = metrics;
  }

  /** The read side of rooms, which the HTTP API shares. */
  Rooms rooms() {
    return rooms;
  }

  /** The room, when the session is in it. */
  Outcome<RoomName> memberOf(ChatSession session, String room) {
    return RoomName.parse(room).then(name -> session.isIn(name.value()) ? Outcome.ok(name)
        : Outcome.refused(ErrorCode.NOT_MEMBER, "join room " + name + " first"));
  }

  void join(ChatSession session, Command.Join join, Integer ack) {
    Long since = join.since();
    RoomName.parse(join.room())
        .then(name -> since != null && since < 0
            ? Outcome.<RoomName>refused(ErrorCode.INVALID_PAYLOAD, "since must be a message id") : Outcome.ok(name))
        .consume(name -> enter(session, name.value(), since, ack),
            rejection -> replies.refuse(session, ack, rejection));
  }

  void leave(ChatSession session, Command.Leave leave, Integer ack) {
    replies.answer(session, ack, RoomName.parse(leave.room()).then(name -> {
      if (!session.leave(name.value())) {
        return Outcome.refused(ErrorCode.NOT_MEMBER, "you are not in room " + name);
      }
      left(session, name.value());
      return Outcome.ok(new ServerEvent.RoomResult(name.value()));
    }));
  }

  /** The session ended: it leaves every room it was in. */
  void leaveAll(ChatSession session) {
    for (String room : session.roomsJoined()) {
      if (session.leave(room)) {
        left(session, room);
      }
    }
  }

  void history(ChatSession session, Command.History history, Integer ack) {
    memberOf(session, history.room())
        .then(name -> readable(() -> rooms.page(name.value(), history.before(), history.limit())))
        .consume(page -> {
          replies.answer(session, ack, Outcome.ok(new ServerEvent.RoomResult(history.room())));
          replies.send(session, new ServerEvent.History(history.room(), page.messages(), page.hasMore(),
              ServerEvent.History.Request.BEFORE, history.before()));
        }, rejection -> replies.refuse(session, ack, rejection));
  }

  private void enter(ChatSession session, String room, Long since, Integer ack) {
    boolean firstJoin = !session.isIn(room);
    Outcome<HistoryPage> read = readable(() -> {
      store.createRoom(room);
      if (firstJoin) {
        // In this order, a room event published from now on reaches this session (held back until the
        // history is sent), and one published before is in the history read below.
        members.add(room, session);
        session.startJoin(room, fanout.lastPublished());
      }
      return Outcome.ok(since == null ? store.before(room, null, Rooms.DEFAULT_PAGE)
          : store.after(room, since, Rooms.MAX_RECOVERY));
    });
    read.consume(history -> {
      User user = session.user();
      if (firstJoin && presence.join(room, user, session.id())) {
        // before the answers: who joins next, after this join was answered, finds it in presence:state
        // and is spared the event (RoomFeed)
        publisher.publish(room, user.id(), new ServerEvent.PresenceChange(room, user, true));
      }
      replies.answer(session, ack, Outcome.ok(new ServerEvent.RoomResult(room)));
      replies.send(session, new ServerEvent.History(room, history.messages(), history.hasMore(),
          ServerEvent.History.Request.SINCE, since));
      replies.send(session, new ServerEvent.PresenceState(room, presence.online(room)));
      session.goLive(room, Math.max(history.lastId(), since == null ? 0 : since));
    }, rejection -> {
      if (firstJoin) {
        session.leave(room);
        members.remove(room, session);
      }
      replies.refuse(session, ack, rejection);
    });
  }

  private void left(ChatSession session, String room) {
    members.remove(room, session);
    User user = session.user();
    if (presence.leave(room, user, session.id())) {
      typing.stop(user, room);
      publisher.publish(room, user.id(), new ServerEvent.PresenceChange(room, user, false));
    }
  }

  /** A room event, in order, to this instance's members. */
  private void deliver(RoomEvent event) {
    fanout.publish(event);
  }

  /** The store's answer, or {@code unavailable} when it cannot be reached. */
  private Outcome<HistoryPage> readable(Supplier<Outcome<HistoryPage>> read) {
    try {
      return read.get();
    } catch (StoreUnavailableException e) {
      metrics.storeFailed();
      return UNREADABLE;
    }
  }
}
