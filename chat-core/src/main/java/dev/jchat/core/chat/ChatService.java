package dev.jchat.core.chat;

import dev.jchat.core.api.Chat;
import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.local.LocalBroadcaster;
import dev.jchat.core.local.LocalLimits;
import dev.jchat.core.local.LocalPresence;
import dev.jchat.core.local.SystemClock;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Connection;
import dev.jchat.core.port.FrameCodec;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.MessageValidator;
import dev.jchat.core.port.Presence;
import dev.jchat.core.port.SharedLimits;
import dev.jchat.core.port.TokenService;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.Inbound;
import dev.jchat.core.protocol.ServerEvent;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The chat over sockets, PROTOCOL.md sections 3 to 6: decodes each frame, applies the per-connection
 * limits and hands the request to the collaborator whose role it is: the {@link SessionGate} (auth,
 * closes), {@link Membership} (rooms, history, presence) or {@link Messaging} (messages, typing).
 * Built with {@link #builder()}.
 */
public final class ChatService implements Chat {
  private static final Rejection NOT_AUTHENTICATED = new Rejection(ErrorCode.UNAUTHENTICATED, "send auth first");

  private final FrameCodec codec;
  private final ChatMetrics metrics;
  private final Replies replies;
  private final SessionGate gate;
  private final Membership membership;
  private final Messaging messaging;

  private ChatService(Builder ports) {
    this.codec = ports.codec;
    this.replies = new Replies(codec);
    RoomPublisher publisher = new RoomPublisher(ports.broadcaster, codec);
    TypingTracker typing = new TypingTracker(ports.clock, ports.sharedLimits, ports.settings.typing(),
        (room, user, on) -> publisher.publish(room, user.id(), new ServerEvent.Typing(room, user, on)));
    this.metrics = ports.metrics;
    this.membership = new Membership(ports.messageStore, ports.presence, ports.broadcaster, typing, replies, publisher,
        ports.clock, ports.fanoutExecutor, ports.housekeeping, ports.settings.writeInterval(), metrics);
    this.messaging = new Messaging(ports.messageStore, ports.validator, membership, typing, replies, publisher,
        ports.clock, metrics);
    this.gate = new SessionGate(ports.settings, ports.tokens, ports.clock, ports.housekeeping, replies, membership,
        metrics, ports.sharedLimits);
    // users whose instance died never left: this instance tells their rooms, as a leave would
    ports.presence.onGone((room, user) ->
        publisher.publish(room, user.id(), new ServerEvent.PresenceChange(room, user, false)));
  }

  /** A chat on in-memory, one-instance parts; {@code tokens} and {@code codec} must be given. */
  public static Builder builder() {
    return new Builder();
  }

  /** The read side of rooms (the room list and history pages), which the HTTP API serves. */
  public Rooms rooms() {
    return membership.rooms();
  }

  @Override
  public ClientSession open(Connection connection) {
    return new Session(gate.open(connection));
  }

  @Override
  public void shutdown() {
    gate.shutdown();
  }

  @Override
  public int connectionCount() {
    return gate.count();
  }

  /** One decoded client frame; package-private so core tests can skip the codec. */
  void handle(ClientSession client, Inbound inbound) {
    handle(((Session) client).session, inbound);
  }

  private void handle(ChatSession session, Inbound inbound) {
    Integer ack = inbound.ack();
    SessionLimits limits = session.limits();
    if (!limits.takeFrame()) {
      gate.rateLimited(session, ack);
    } else if (inbound instanceof Inbound.Malformed malformed) {
      replies.refuse(session, ack, malformed.rejection());
    } else {
      dispatch(session, ((Inbound.Request) inbound).command(), ack);
    }
  }

  private void dispatch(ChatSession session, Command command, Integer ack) {
    SessionLimits limits = session.limits();
    if (command instanceof Command.Ping) {
      replies.send(session, new ServerEvent.Pong());
      replies.answer(session, ack, Outcome.ok(new ServerEvent.EmptyResult()));
    } else if (command instanceof Command.Auth auth) {
      gate.authenticate(session, auth, ack);
    } else if (session.user() == null) {
      replies.refuse(session, ack, NOT_AUTHENTICATED);
    } else if (command instanceof Command.Join join) {
      membership.join(session, join, ack);
    } else if (command instanceof Command.Leave leave) {
      membership.leave(session, leave, ack);
    } else if (command instanceof Command.History history) {
      membership.history(session, history, ack);
    } else if (command instanceof Command.Send send) {
      if (limits.takeSend()) {
        messaging.send(session, send, ack);
      } else {
        gate.rateLimited(session, ack);
      }
    } else if (command instanceof Command.Typing typed) {
      if (limits.takeTyping()) {
        messaging.typing(session, typed, ack);
      } else {
        gate.rateLimited(session, ack);
      }
    }
  }

  /** What a transport holds for one connection. */
  private final class Session implements ClientSession {
    private final ChatSession session;

    Session(ChatSession session) {
      this.session = session;
    }

    @Override
    public void receive(String frame) {
      if (!session.isClosed()) {
        metrics.frameReceived();
        session.heard();
        handle(session, codec.decode(frame));
      }
    }

    @Override
    public void pong() {
      session.heard();
    }

    @Override
    public void close(CloseCode code, String reason) {
      gate.close(session, code, reason);
    }

    @Override
    public void closed() {
      gate.closed(session);
    }
  }

  /**
   * The parts of a chat, each replaceable by name. Defaults: the protocol's settings, in-memory stores,
   * presence and limits, the one-instance broadcaster, the protocol's text rules, the system clock, and a
   * thread of its own each for the fan-out and for housekeeping.
   */
  public static final class Builder {
    private ChatSettings settings = ChatSettings.defaults();
    private MessageStore messageStore;
    private Broadcaster broadcaster = new LocalBroadcaster();
    private Presence presence = new LocalPresence();
    private SharedLimits sharedLimits;
    private TokenService tokens;
    private MessageValidator validator = new TextRules();
    private FrameCodec codec;
    private Clock clock;
    private Executor fanoutExecutor = LazyThread.named("jchat-fanout");
    private Executor housekeeping = LazyThread.named("jchat-housekeeping");
    private ChatMetrics metrics = ChatMetrics.NONE;

    private Builder() {
    }

    public Builder settings(ChatSettings settings) {
      this.settings = settings;
      return this;
    }

    public Builder messageStore(MessageStore messageStore) {
      this.messageStore = messageStore;
      return this;
    }

    public Builder broadcaster(Broadcaster broadcaster) {
      this.broadcaster = broadcaster;
      return this;
    }

    public Builder presence(Presence presence) {
      this.presence = presence;
      return this;
    }

    /** Where the per-user connection cap and the typing throttle count; by default in this instance. */
    public Builder sharedLimits(SharedLimits sharedLimits) {
      this.sharedLimits = sharedLimits;
      return this;
    }

    public Builder tokens(TokenService tokens) {
      this.tokens = tokens;
      return this;
    }

    public Builder validator(MessageValidator validator) {
      this.validator = validator;
      return this;
    }

    public Builder codec(FrameCodec codec) {
      this.codec = codec;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Where room events are delivered to members. {@code Runnable::run} delivers on the publisher's
     * thread, which makes delivery immediate: handy in tests.
     */
    public Builder fanoutExecutor(Executor fanoutExecutor) {
      this.fanoutExecutor = fanoutExecutor;
      return this;
    }

    /**
     * Where closes asked for by a socket callback or the fan-out run, off those threads, and where
     * the gaps a broadcaster leaves in a room's messages are read from the store.
     */
    public Builder housekeeping(Executor housekeeping) {
      this.housekeeping = housekeeping;
      return this;
    }

    /** What the chat counts goes there; by default nothing is counted. */
    public Builder metrics(ChatMetrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public ChatService build() {
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(codec, "codec");
      if (clock == null) {
        clock = new SystemClock();
      }
      if (messageStore == null) {
        messageStore = new InMemoryMessageStore(clock);
      }
      if (sharedLimits == null) {
        sharedLimits = new LocalLimits(clock);
      }
      return new ChatService(this);
    }
  }
}
