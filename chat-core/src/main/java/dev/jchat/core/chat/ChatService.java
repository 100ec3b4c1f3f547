package dev.jchat.core.chat;

import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.domain.RoomName;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Connection;
import dev.jchat.core.port.FrameCodec;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.MessageValidator;
import dev.jchat.core.port.Presence;
import dev.jchat.core.port.RoomEvent;
import dev.jchat.core.port.StoreUnavailableException;
import dev.jchat.core.port.TokenService;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.Inbound;
import dev.jchat.core.protocol.ServerEvent;
import dev.jchat.core.protocol.ServerEvent.AckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The chat over sockets: takes decoded frames from connections, applies the rules of PROTOCOL.md
 * sections 3 to 6, talks to the ports and sends events. Transports call {@link #open},
 * {@link #receive} and {@link #closed}; for one session, {@code receive} calls must not overlap.
 */
public final class ChatService {
  private static final System.Logger LOG = System.getLogger(ChatService.class.getName());
  private static final int MAX_CLIENT_MSG_ID = 64;

  private final ChatSettings settings;
  private final MessageStore store;
  private final Broadcaster broadcaster;
  private final Presence presence;
  private final TokenService tokens;
  private final MessageValidator validator;
  private final FrameCodec codec;
  private final Clock clock;
  private final Rooms rooms;
  private final RoomMembers members = new RoomMembers();
  private final Fanout fanout;
  private final TypingTracker typing;
  private final Set<ChatSession> sessions = ConcurrentHashMap.newKeySet();
  private final Map<Long, Integer> connectionsPerUser = new ConcurrentHashMap<>();
  private volatile boolean accepting = true;
  private volatile Clock.Timer sweep;

  /** Delivers room events on a thread of its own (see {@link Fanout}). */
  public ChatService(ChatSettings settings, MessageStore store, Broadcaster broadcaster, Presence presence,
                     TokenService tokens, MessageValidator validator, FrameCodec codec, Clock clock) {
    this(settings, store, broadcaster, presence, tokens, validator, codec, clock, Fanout.ownThread());
  }

  /**
   * With the executor on which room events are delivered ({@code Runnable::run} delivers on
   * the publisher's thread, which makes delivery immediate: handy in tests, with a zero
   * {@link ChatSettings#writeInterval}, since a publisher must not wait).
   */
  public ChatService(ChatSettings settings, MessageStore store, Broadcaster broadcaster, Presence presence,
                     TokenService tokens, MessageValidator validator, FrameCodec codec, Clock clock,
                     Executor fanoutExecutor) {
    this.settings = settings;
    this.store = store;
    this.broadcaster = broadcaster;
    this.presence = presence;
    this.tokens = tokens;
    this.validator = validator;
    this.codec = codec;
    this.clock = clock;
    this.rooms = new Rooms(store, presence);
    this.typing = new TypingTracker(clock, settings.typingThrottle(), settings.typingTimeout(), this::publishTyping);
    this.fanout = new Fanout(members, fanoutExecutor, settings.writeInterval());
    broadcaster.subscribe(fanout::publish);
    scheduleSweep();
  }

  public Rooms rooms() {
    return rooms;
  }

  public int connectionCount() {
    return sessions.size();
  }

  /** A new connection; it must authenticate within the auth timeout. */
  public ChatSession open(Connection connection) {
    String id = UUID.randomUUID().toString();
    ChatSession[] self = new ChatSession[1];
    ChatSession session = new ChatSession(id, connection, settings, clock, new Outbox.Listener() {
      @Override
      public void overflowed() {
        dropSlowConsumer(self[0]);
      }

      @Override
      public void sendFailed(Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "send failed, dropping connection " + id, cause);
        clock.schedule(Duration.ZERO, () -> {
          self[0].connection().abort();
          closed(self[0]);
        });
      }
    });
    self[0] = session;
    if (!accepting) {
      connection.close(CloseCode.GOING_AWAY.code(), "server shutting down");
      return session;
    }
    sessions.add(session);
    session.addTimer(clock.schedule(settings.authTimeout(), () -> {
      if (session.user() == null) {
        close(session, CloseCode.AUTH_TIMEOUT, "no auth in time");
      }
    }));
    return session;
  }

  /** One text frame from the client. */
  public void receive(ChatSession session, String frame) {
    if (session.isClosed()) {
      return;
    }
    session.heard();
    handle(session, codec.decode(frame));
  }

  /** One decoded client frame; package-private so core tests can skip the codec. */
  void handle(ChatSession session, Inbound inbound) {
    Integer ack = inbound instanceof Inbound.Request r ? r.ack() : ((Inbound.Malformed) inbound).ack();
    if (!session.takeFrameToken()) {
      rateLimited(session, ack);
      return;
    }
    if (inbound instanceof Inbound.Malformed malformed) {
      reply(session, ack, new Outcome.Refused<>(malformed.rejection()));
      return;
    }
    Command command = ((Inbound.Request) inbound).command();
    if (command instanceof Command.Ping) {
      session.send(codec.encode(new ServerEvent.Pong()));
      reply(session, ack, Outcome.ok(new ServerEvent.EmptyResult()));
    } else if (command instanceof Command.Auth auth) {
      authenticate(session, auth, ack);
    } else if (session.user() == null) {
      reply(session, ack, Outcome.refused(ErrorCode.UNAUTHENTICATED, "send auth first"));
    } else if (command instanceof Command.Join join) {
      join(session, join, ack);
    } else if (command instanceof Command.Leave leave) {
      reply(session, ack, leave(session, leave.room()));
    } else if (command instanceof Command.Send send) {
      send(session, send, ack);
    } else if (command instanceof Command.History history) {
      history(session, history, ack);
    } else if (command instanceof Command.Typing typed) {
      typing(session, typed, ack);
    }
  }

  /** The transport saw the connection end (any side, any reason). Idempotent. */
  public void closed(ChatSession session) {
    if (!session.markClosed()) {
      return;
    }
    session.outbox().discard();
    cleanUp(session);
  }

  /** Stops taking connections and closes every open one with 1001. */
  public void shutdown() {
    accepting = false;
    if (sweep != null) {
      sweep.cancel();
    }
    sessions.forEach(session -> close(session, CloseCode.GOING_AWAY, "server shutting down"));
  }

  // --- session ---

  private void authenticate(ChatSession session, Command.Auth auth, Integer ack) {
    if (session.user() != null) {
      reply(session, ack, Outcome.refused(ErrorCode.INVALID_PAYLOAD, "already authenticated"));
      return;
    }
    Optional<TokenService.Verified> verified =
        auth.token() == null ? Optional.empty() : tokens.verify(auth.token());
    if (verified.isEmpty()) {
      reply(session, ack, Outcome.refused(ErrorCode.AUTH_FAILED, "the token is missing, invalid or expired"));
      close(session, CloseCode.AUTH_FAILED, "authentication failed");
      return;
    }
    User user = verified.get().user();
    int count = connectionsPerUser.merge(user.id(), 1, Integer::sum);
    if (count > settings.maxConnectionsPerUser()) {
      connectionsPerUser.merge(user.id(), -1, Integer::sum);
      reply(session, ack, Outcome.refused(ErrorCode.RATE_LIMITED,
          "at most " + settings.maxConnectionsPerUser() + " connections per user"));
      close(session, CloseCode.POLICY_VIOLATION, "too many connections");
      return;
    }
    session.authenticated(user);
    Duration left = Duration.between(clock.now(), verified.get().expiresAt());
    session.addTimer(clock.schedule(left.isNegative() ? Duration.ZERO : left,
        () -> close(session, CloseCode.AUTH_FAILED, "token expired")));
    ServerEvent.Session hello = new ServerEvent.Session(user, session.id());
    reply(session, ack, Outcome.ok(hello));
    session.send(codec.encode(hello));
  }

  // --- rooms ---

  private void join(ChatSession session, Command.Join join, Integer ack) {
    String room = join.room();
    if (!RoomName.isValid(room)) {
      reply(session, ack, new Outcome.Refused<>(RoomName.INVALID));
      return;
    }
    if (join.since() != null && join.since() < 0) {
      reply(session, ack, Outcome.refused(ErrorCode.INVALID_PAYLOAD, "since must be a message id"));
      return;
    }
    boolean firstJoin = !session.isIn(room);
    if (firstJoin) {
      // In this order, a room event published from now on reaches this session (held back until the
      // history is sent), and one published before is in the history read below.
      members.add(room, session);
      session.startJoin(room, fanout.lastPublished());
    }
    HistoryPage history;
    try {
      store.createRoom(room);
      history = join.since() == null
          ? store.before(room, null, Rooms.DEFAULT_PAGE)
          : store.after(room, join.since(), Rooms.MAX_RECOVERY);
    } catch (StoreUnavailableException e) {
      if (firstJoin) {
        session.leave(room);
        members.remove(room, session);
      }
      reply(session, ack, Outcome.refused(ErrorCode.UNAVAILABLE, "history cannot be read now; try again"));
      return;
    }
    User user = session.user();
    if (firstJoin && presence.join(room, user, session.id())) {
      // before the answers: who joins next, after this join was answered, finds it in presence:state
      // and is spared the event (Fanout)
      publish(room, 0, user.id(), new ServerEvent.PresenceChange(room, user, true));
    }
    reply(session, ack, Outcome.ok(new ServerEvent.RoomResult(room)));
    session.send(codec.encode(new ServerEvent.History(room, history.messages(), history.hasMore())));
    session.send(codec.encode(new ServerEvent.PresenceState(room, presence.online(room))));
    session.finishJoin(room, Math.max(history.lastId(), join.since() == null ? 0 : join.since()));
  }

  private Outcome<AckResult> leave(ChatSession session, String room) {
    if (!RoomName.isValid(room)) {
      return new Outcome.Refused<>(RoomName.INVALID);
    }
    if (!session.leave(room)) {
      return Outcome.refused(ErrorCode.NOT_MEMBER, "you are not in room " + room);
    }
    leaveRoom(session, room);
    return Outcome.ok(new ServerEvent.RoomResult(room));
  }

  private void leaveRoom(ChatSession session, String room) {
    members.remove(room, session);
    User user = session.user();
    if (presence.leave(room, user, session.id())) {
      typing.stop(user, room);
      publish(room, 0, user.id(), new ServerEvent.PresenceChange(room, user, false));
    }
  }

  // --- messages ---

  private void send(ChatSession session, Command.Send send, Integer ack) {
    if (!session.takeSendToken()) {
      rateLimited(session, ack);
      return;
    }
    Optional<Rejection> invalid = memberCheck(session, send.room());
    if (invalid.isEmpty() && send.clientMsgId() != null
        && (send.clientMsgId().isEmpty()
            || send.clientMsgId().codePointCount(0, send.clientMsgId().length()) > MAX_CLIENT_MSG_ID)) {
      invalid = Optional.of(new Rejection(ErrorCode.INVALID_PAYLOAD, "clientMsgId must be 1 to 64 characters"));
    }
    if (invalid.isEmpty()) {
      invalid = validator.check(send.text());
    }
    if (invalid.isPresent()) {
      reply(session, ack, new Outcome.Refused<>(invalid.get()));
      return;
    }
    User user = session.user();
    store.append(new NewMessage(send.room(), user, send.text(), send.clientMsgId()), new MessageStore.AppendCallback() {
      @Override
      public void stored(Message message, boolean firstTime) {
        reply(session, ack, Outcome.ok(new ServerEvent.SentResult(message.id(), message.time())));
        if (firstTime) {
          publish(message.room(), message.id(), 0, new ServerEvent.NewMessage(message));
          typing.stop(user, message.room());
        }
      }

      @Override
      public void failed(Exception cause) {
        LOG.log(System.Logger.Level.WARNING, "a message could not be stored: " + cause);
        reply(session, ack, Outcome.refused(ErrorCode.UNAVAILABLE, "the message was not stored; send it again"));
      }
    });
  }

  private void history(ChatSession session, Command.History history, Integer ack) {
    Optional<Rejection> invalid = memberCheck(session, history.room());
    if (invalid.isPresent()) {
      reply(session, ack, new Outcome.Refused<>(invalid.get()));
      return;
    }
    Outcome<HistoryPage> page;
    try {
      page = rooms.page(history.room(), history.before(), history.limit());
    } catch (StoreUnavailableException e) {
      page = Outcome.refused(ErrorCode.UNAVAILABLE, "history cannot be read now; try again");
    }
    if (page instanceof Outcome.Refused<HistoryPage> refused) {
      reply(session, ack, new Outcome.Refused<>(refused.rejection()));
      return;
    }
    HistoryPage found = ((Outcome.Ok<HistoryPage>) page).value();
    reply(session, ack, Outcome.ok(new ServerEvent.RoomResult(history.room())));
    session.send(codec.encode(new ServerEvent.History(history.room(), found.messages(), found.hasMore())));
  }

  private void typing(ChatSession session, Command.Typing typed, Integer ack) {
    if (!session.takeTypingToken()) {
      rateLimited(session, ack);
      return;
    }
    Optional<Rejection> invalid = memberCheck(session, typed.room());
    if (invalid.isPresent()) {
      reply(session, ack, new Outcome.Refused<>(invalid.get()));
      return;
    }
    if (typed.typing()) {
      typing.start(session.user(), typed.room());
    } else {
      typing.stop(session.user(), typed.room());
    }
    reply(session, ack, Outcome.ok(new ServerEvent.EmptyResult()));
  }

  private Optional<Rejection> memberCheck(ChatSession session, String room) {
    if (!RoomName.isValid(room)) {
      return Optional.of(RoomName.INVALID);
    }
    if (!session.isIn(room)) {
      return Optional.of(new Rejection(ErrorCode.NOT_MEMBER, "join room " + room + " first"));
    }
    return Optional.empty();
  }

  // --- sending ---

  private void publishTyping(String room, User user, boolean on) {
    publish(room, 0, user.id(), new ServerEvent.Typing(room, user, on));
  }

  /** Serializes the event once; the same frame goes to every recipient on every instance. */
  private void publish(String room, long messageId, long excludedUserId, ServerEvent event) {
    broadcaster.publish(new RoomEvent(room, messageId, excludedUserId, codec.encode(event)));
  }

  /** Answers a request exactly once: an ack (when asked for) or a chat:error. */
  private void reply(ChatSession session, Integer ack, Outcome<? extends AckResult> outcome) {
    if (outcome instanceof Outcome.Refused<? extends AckResult> refused) {
      session.send(codec.encode(new ServerEvent.Error(refused.rejection(), ack)));
    } else if (ack != null) {
      session.send(codec.encode(new ServerEvent.Ack(ack, ((Outcome.Ok<? extends AckResult>) outcome).value())));
    }
  }

  private void rateLimited(ChatSession session, Integer ack) {
    reply(session, ack, Outcome.refused(ErrorCode.RATE_LIMITED, "slow down"));
    if (session.rateLimitedTooOften(settings.maxRateLimitedPerMinute())) {
      close(session, CloseCode.POLICY_VIOLATION, "too many requests");
    }
  }

  // --- ending connections ---

  /** Sends what is queued (the error that explains the close, usually), then closes. Idempotent. */
  public void close(ChatSession session, CloseCode code, String reason) {
    if (!session.markClosed()) {
      return;
    }
    cleanUp(session);
    session.outbox().finish(() -> session.connection().close(code.code(), reason));
  }

  /** The client does not read: forget its queue, tell it why if the socket takes it, else cut it. */
  private void dropSlowConsumer(ChatSession session) {
    clock.schedule(Duration.ZERO, () -> {
      if (!session.markClosed()) {
        return;
      }
      session.connection().close(CloseCode.SLOW_CONSUMER.code(), "outgoing queue full");
      cleanUp(session);
      clock.schedule(settings.slowConsumerGrace(), () -> session.connection().abort());
    });
  }

  private void cleanUp(ChatSession session) {
    if (!sessions.remove(session)) {
      return;
    }
    User user = session.user();
    if (user != null) {
      connectionsPerUser.computeIfPresent(user.id(), (id, n) -> n <= 1 ? null : n - 1);
      for (String room : session.roomsJoined()) {
        session.leave(room);
        leaveRoom(session, room);
      }
    }
  }

  /** Pings quiet connections and closes idle ones (1001); runs every sweep interval. */
  private void scheduleSweep() {
    sweep = clock.schedule(settings.sweepInterval(), () -> {
      Instant now = clock.now();
      for (ChatSession session : sessions) {
        if (!session.lastHeard().plus(settings.idleTimeout()).isAfter(now)) {
          close(session, CloseCode.GOING_AWAY, "idle for too long");
        } else if (!session.lastPinged().plus(settings.pingInterval()).isAfter(now)) {
          session.pinged();
          session.connection().ping();
        }
      }
      if (accepting) {
        scheduleSweep();
      }
    });
  }
}
