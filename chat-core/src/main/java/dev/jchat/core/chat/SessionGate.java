package dev.jchat.core.chat;

import dev.jchat.core.chat.ChatSettings.Timeouts;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Connection;
import dev.jchat.core.port.SharedLimits;
import dev.jchat.core.port.TokenService;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.ServerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Where sessions begin and end (PROTOCOL.md sections 3 and 6): opens them, authenticates them under
 * the per-user connection cap, closes them for a reason (auth, limits, idleness, a slow client, a
 * shutdown) and cleans up after them, and sweeps them for liveness.
 */
final class SessionGate implements ChatSession.OutboxEvents {
  private static final System.Logger LOG = System.getLogger(SessionGate.class.getName());
  private static final Rejection SLOW_DOWN = new Rejection(ErrorCode.RATE_LIMITED, "slow down");

  private final ChatSettings settings;
  private final Timeouts timeouts;
  private final TokenService tokens;
  private final Clock clock;
  private final Executor housekeeping;
  private final Replies replies;
  private final Membership membership;
  private final ChatMetrics metrics;
  private final SharedLimits limits;
  private final Set<ChatSession> sessions = ConcurrentHashMap.newKeySet();
  private volatile boolean accepting = true;
  private volatile Clock.Timer sweep;

  /**
   * {@code housekeeping} runs the closes that a socket's callback or the fan-out asks for, off their
   * threads: cleaning up touches presence, which may wait for a broker.
   */
  SessionGate(ChatSettings settings, TokenService tokens, Clock clock, Executor housekeeping, Replies replies,
              Membership membership, ChatMetrics metrics, SharedLimits limits) {
    this.settings = settings;
    this.timeouts = settings.timeouts();
    this.tokens = tokens;
    this.clock = clock;
    this.housekeeping = housekeeping;
    this.replies = replies;
    this.membership = membership;
    this.metrics = metrics;
    this.limits = limits;
    scheduleSweep();
  }

  int count() {
    return sessions.size();
  }

  ChatSession open(Connection connection) {
    ChatSession session = new ChatSession(UUID.randomUUID().toString(), connection, settings, clock, this, metrics);
    if (!accepting) {
      connection.close(CloseCode.GOING_AWAY.code(), "server shutting down");
      return session;
    }
    sessions.add(session);
    LOG.log(System.Logger.Level.INFO, () -> "connection " + session.id() + " opened from "
        + connection.remoteAddress() + ", origin " + connection.origin());
    session.addTimer(clock.schedule(timeouts.auth(), () -> {
      if (session.user() == null) {
        close(session, CloseCode.AUTH_TIMEOUT, "no auth in time");
      }
    }));
    return session;
  }

  void authenticate(ChatSession session, Command.Auth auth, Integer ack) {
    if (session.user() != null) {
      replies.answer(session, ack, Outcome.refused(ErrorCode.INVALID_PAYLOAD, "already authenticated"));
      return;
    }
    Optional<TokenService.Verified> verified =
        auth.token() == null ? Optional.empty() : tokens.verify(auth.token());
    if (verified.isEmpty()) {
      metrics.authFailed();
      LOG.log(System.Logger.Level.INFO, () -> "connection " + session.id() + ": auth failed, a token that is missing,"
          + " forged or expired, from " + session.connection().remoteAddress());
      replies.answer(session, ack, Outcome.refused(ErrorCode.AUTH_FAILED, "the token is missing, invalid or expired"));
      close(session, CloseCode.AUTH_FAILED, "authentication failed");
      return;
    }
    User user = verified.get().user();
    int cap = settings.limits().maxConnectionsPerUser();
    if (!limits.acquire(connectionsKey(user), cap)) {
      replies.answer(session, ack, Outcome.refused(ErrorCode.RATE_LIMITED, "at most " + cap + " connections per user"));
      close(session, CloseCode.POLICY_VIOLATION, "too many connections");
      return;
    }
    session.authenticated(user);
    Duration left = Duration.between(clock.now(), verified.get().expiresAt());
    session.addTimer(clock.schedule(left.isNegative() ? Duration.ZERO : left,
        () -> close(session, CloseCode.AUTH_FAILED, "token expired")));
    ServerEvent.Session hello = new ServerEvent.Session(user, session.id());
    replies.answer(session, ack, Outcome.ok(hello));
    replies.send(session, hello);
  }

  /** Answers rate_limited; a connection answered so too often in a minute is closed with 1008. */
  void rateLimited(ChatSession session, Integer ack) {
    metrics.rateLimited();
    replies.refuse(session, ack, SLOW_DOWN);
    if (session.limits().refusedTooOften()) {
      close(session, CloseCode.POLICY_VIOLATION, "too many requests");
    }
  }

  /** Sends what is queued (the error that explains the close, usually), then closes. Idempotent. */
  void close(ChatSession session, CloseCode code, String reason) {
    if (!session.markClosed()) {
      return;
    }
    metrics.closed(code);
    cleanUp(session, "closed by the server with " + code.code() + " (" + reason + ")");
    session.outbox().finish(() -> session.connection().close(code.code(), reason));
  }

  /** The transport saw the connection end (any side, any reason). Idempotent. */
  void closed(ChatSession session) {
    if (!session.markClosed()) {
      return;
    }
    session.outbox().discard();
    cleanUp(session, "ended by the client or the network");
  }

  /** Stops taking connections and closes every open one with 1001. */
  void shutdown() {
    accepting = false;
    Clock.Timer running = sweep;
    if (running != null) {
      running.cancel();
    }
    sessions.forEach(session -> close(session, CloseCode.GOING_AWAY, "server shutting down"));
  }

  /** The client does not read: forget its queue, tell it why if the socket takes it, else cut it. */
  @Override
  public void overflowed(ChatSession session) {
    housekeeping.execute(() -> {
      if (!session.markClosed()) {
        return;
      }
      metrics.closed(CloseCode.SLOW_CONSUMER);
      session.connection().close(CloseCode.SLOW_CONSUMER.code(), "outgoing queue full");
      cleanUp(session, "closed by the server with 4429 (outgoing queue full)");
      clock.schedule(timeouts.slowConsumerGrace(), () -> session.connection().abort());
    });
  }

  @Override
  public void sendFailed(ChatSession session, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "send failed, dropping connection " + session.id(), cause);
    housekeeping.execute(() -> {
      session.connection().abort();
      closed(session);
    });
  }

  /** Frees the session's place and rooms, and logs how it ended (never what was said in it). */
  private void cleanUp(ChatSession session, String how) {
    if (!sessions.remove(session)) {
      return;
    }
    User user = session.user();
    if (user != null) {
      limits.release(connectionsKey(user));
      membership.leaveAll(session);
    }
    LOG.log(System.Logger.Level.INFO, () -> "connection " + session.id() + " " + how + ": user "
        + (user == null ? "none" : user.name()) + ", from " + session.connection().remoteAddress() + ", origin "
        + session.connection().origin() + ", after " + Duration.between(session.openedAt(), clock.now()).toMillis()
        + " ms");
  }

  /** Where the user's connections are counted, across the deployment when the limits are shared. */
  private static String connectionsKey(User user) {
    return "connections:" + user.id();
  }

  /** Pings quiet connections and closes idle ones (1001); runs every sweep interval. */
  private void scheduleSweep() {
    sweep = clock.schedule(timeouts.sweepInterval(), () -> {
      Instant now = clock.now();
      for (ChatSession session : sessions) {
        if (!session.lastHeard().plus(timeouts.idle()).isAfter(now)) {
          close(session, CloseCode.GOING_AWAY, "idle for too long");
        } else if (!session.lastPinged().plus(timeouts.pingInterval()).isAfter(now)) {
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
