package dev.jchat.client;

import com.google.gson.JsonObject;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps one authenticated WebSocket connection alive, and the client's rooms and outbox in step
 * with it: reconnects with backoff, authenticates, rejoins each room from its last message, fills
 * holes, writes the outbox again. Every method runs on the client's loop thread, which owns all
 * this state; the socket's threads only queue frames onto it.
 */
final class ChatConnection implements Link.Events {
  private static final System.Logger LOG = System.getLogger(ChatConnection.class.getName());
  private static final int TOKEN_REFUSED = 4401;
  /** Below the server's 10 sends a second with bursts of 20, so the outbox is never rate limited. */
  private static final double SENDS_PER_SECOND = 8;
  private static final int SEND_BURST = 16;
  private static final Duration RETRY_REFUSED = Duration.ofSeconds(1);
  /** PROTOCOL.md section 2: a larger frame closes the connection. */
  private static final int MAX_FRAME_BYTES = 16384;

  private final ClientSettings settings;
  private final ScheduledExecutorService loop;
  private final Executor workers;
  private final SerialLane stateLane;
  private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();
  private final Backoff backoff;
  private final TokenBucket sendPace = new TokenBucket(SENDS_PER_SECOND, SEND_BURST, System::nanoTime);
  private final Map<String, Room> rooms = new LinkedHashMap<>();
  private final Outbox outbox;
  private final Requests requests = new Requests();
  private final CompletableFuture<Session> firstSession = new CompletableFuture<>();

  private volatile ConnectionState state = ConnectionState.NEW;
  private volatile String token;
  private volatile Session session;
  private Link link;
  private boolean authenticated;
  private boolean tokenRefused;
  private boolean tokenJustRefreshed;
  private long lastHeard;
  private boolean outboxWriteScheduled;

  ChatConnection(ClientSettings settings, ScheduledExecutorService loop, Executor workers) {
    this.settings = settings;
    this.loop = loop;
    this.workers = workers;
    this.stateLane = new SerialLane(workers, "connection state");
    this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff(), settings.stableAfter(),
        bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    this.outbox = new Outbox(settings.outboxCapacity());
  }

  ConnectionState state() {
    return state;
  }

  Session session() {
    return session;
  }

  String token() {
    return token;
  }

  void useToken(String token) {
    this.token = token;
  }

  // ---- what the client asks, on the loop ----

  CompletableFuture<Session> connect() {
    if (state == ConnectionState.NEW) {
      if (token == null) {
        return CompletableFuture.failedFuture(new IllegalStateException("log in or register before connect"));
      }
      loop.scheduleWithFixedDelay(this::checkHeartbeat, settings.heartbeat().toMillis(),
          settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
      open();
    }
    return firstSession;
  }

  CompletableFuture<Void> join(String name, RoomListener listener) {
    if (stopped()) {
      return CompletableFuture.failedFuture(closed());
    }
    if (rooms.containsKey(name)) {
      return CompletableFuture.failedFuture(new IllegalStateException("already in room " + name));
    }
    Room room = new Room(name, listener, workers);
    rooms.put(name, room);
    if (authenticated) {
      sendJoin(room);
    }
    return room.joined;
  }

  CompletableFuture<Void> leave(String name) {
    Room room = rooms.remove(name);
    if (room == null) {
      return CompletableFuture.failedFuture(new ChatException(ErrorCode.NOT_MEMBER, "not in room " + name));
    }
    for (Outbox.Entry entry : outbox.removeAll(name)) {
      entry.result.completeExceptionally(
          new ChatException(ErrorCode.NOT_MEMBER, "left room " + name + " before the message came back"));
    }
    room.joined.completeExceptionally(new ChatException(ErrorCode.NOT_MEMBER, "left room " + name));
    if (!authenticated) {
      return CompletableFuture.completedFuture(null); // the server forgot the membership with the connection
    }
    return request("room:leave", Frames.data("room", name)).handle((result, error) -> null); // left, either way
  }

  CompletableFuture<SentMessage> send(String room, String text) {
    if (stopped()) {
      return CompletableFuture.failedFuture(closed());
    }
    if (!rooms.containsKey(room)) {
      return CompletableFuture.failedFuture(new ChatException(ErrorCode.NOT_MEMBER, "join room " + room + " first"));
    }
    Outbox.Entry entry = outbox.add(room, text);
    if (entry == null) {
      return CompletableFuture.failedFuture(new ChatException(ErrorCode.OUTBOX_FULL,
          settings.outboxCapacity() + " sends wait already"));
    }
    if (Frames.request("chat:send", entry.data(), Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8).length
        > MAX_FRAME_BYTES) {
      // the server would close the connection (1009), and the outbox would send it again and again
      outbox.remove(entry);
      return CompletableFuture.failedFuture(new ChatException(ErrorCode.TOO_LARGE,
          "a frame may have " + MAX_FRAME_BYTES + " bytes at most"));
    }
    writeOutbox();
    return entry.result;
  }

  CompletableFuture<Void> typing(String room, boolean typing) {
    if (!authenticated) {
      return CompletableFuture.failedFuture(new ChatException(ErrorCode.NOT_CONNECTED, "typing needs a connection"));
    }
    return request(typing ? "typing:start" : "typing:stop", Frames.data("room", room)).thenApply(result -> null);
  }

  List<User> online(String room) {
    Room joined = rooms.get(room);
    return joined == null ? List.of() : joined.online();
  }

  void close() {
    stop(ConnectionState.CLOSED);
  }

  // ---- the socket's news, queued onto the loop ----

  @Override
  public void onOpen(Link opened) {
    onLoop(() -> {
      if (opened == link) {
        authenticate();
      } else {
        workers.execute(opened::close); // given up on (its handshake took too long) before it opened
      }
    });
  }

  @Override
  public void onFrame(Link from, String text) {
    onLoop(() -> {
      if (from == link) {
        lastHeard = System.nanoTime();
        receive(text);
      }
    });
  }

  @Override
  public void onEnd(Link ended, int closeCode) {
    onLoop(() -> {
      if (ended == link) {
        connectionLost(closeCode);
      }
    });
  }

  // ---- connecting ----

  private void open() {
    setState(ConnectionState.CONNECTING);
    Link opening = new Link(this);
    link = opening;
    tokenRefused = false;
    lastHeard = System.nanoTime();
    workers.execute(() -> opening.connect(container, settings.socket()));
  }

  private void authenticate() {
    request("auth", Frames.data("token", token)).whenComplete((result, error) -> {
      if (error == null) {
        authenticated(Frames.session(result));
      } else {
        // the server closes the connection next (4401 for a bad token, 1008 for too many connections)
        tokenRefused = code(error) == ErrorCode.AUTH_FAILED;
      }
    });
  }

  private void authenticated(Session started) {
    session = started;
    authenticated = true;
    tokenJustRefreshed = false;
    backoff.connected(System.nanoTime());
    setState(ConnectionState.CONNECTED);
    firstSession.complete(started);
    rooms.values().forEach(this::sendJoin);
    writeOutbox();
  }

  private void connectionLost(int closeCode) {
    workers.execute(link::close); // closing may block: never on the loop
    link = null;
    authenticated = false;
    requests.abandon(new ChatException(ErrorCode.NOT_CONNECTED, "the connection was lost"));
    outbox.connectionLost();
    rooms.values().forEach(Room::connectionLost);
    if (stopped()) {
      return;
    }
    if (tokenRefused || closeCode == TOKEN_REFUSED) {
      refreshToken();
    } else {
      reconnectLater();
    }
  }

  private void reconnectLater() {
    setState(ConnectionState.RECONNECTING);
    loop.schedule(this::reopen, backoff.next(System.nanoTime()).toMillis(), TimeUnit.MILLISECONDS);
  }

  private void reopen() {
    if (state == ConnectionState.RECONNECTING) {
      open();
    }
  }

  /** The token was refused: once per refusal, a fresh one from the callback; else the client stops. */
  private void refreshToken() {
    Supplier<String> refresher = settings.tokenRefresher();
    if (refresher == null || tokenJustRefreshed) {
      stop(ConnectionState.AUTH_FAILED);
      return;
    }
    tokenJustRefreshed = true;
    setState(ConnectionState.RECONNECTING);
    workers.execute(() -> {
      String fresh = freshToken(refresher);
      onLoop(() -> {
        if (state != ConnectionState.RECONNECTING) {
          return;
        }
        if (fresh == null) {
          stop(ConnectionState.AUTH_FAILED);
        } else {
          token = fresh;
          open();
        }
      });
    });
  }

  private static String freshToken(Supplier<String> refresher) {
    try {
      return refresher.get();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the token refresher failed: " + e.getClass().getName());
      return null;
    }
  }

  /** Ends the client for good: every waiting send and join fails. */
  private void stop(ConnectionState end) {
    if (stopped()) {
      return;
    }
    setState(end);
    ChatException error = closed();
    Link current = link;
    link = null;
    authenticated = false;
    if (current != null) {
      workers.execute(current::close);
    }
    requests.abandon(error);
    outbox.removeAll(null).forEach(entry -> entry.result.completeExceptionally(error));
    rooms.values().forEach(room -> room.joined.completeExceptionally(error));
    firstSession.completeExceptionally(error);
  }

  private boolean stopped() {
    return state == ConnectionState.CLOSED || state == ConnectionState.AUTH_FAILED;
  }

  private ChatException closed() {
    return state == ConnectionState.AUTH_FAILED
        ? new ChatException(ErrorCode.AUTH_FAILED, "the server refused the token; the client stopped")
        : new ChatException(ErrorCode.CLOSED, "the client is closed");
  }

  /** A link that says nothing for two heartbeats is dead even if TCP has not noticed: drop it. */
  private void checkHeartbeat() {
    if (link == null) {
      return;
    }
    if (System.nanoTime() - lastHeard > 2 * settings.heartbeat().toNanos()) {
      LOG.log(System.Logger.Level.INFO, "no answer for " + 2 * settings.heartbeat().toMillis() + " ms: reconnecting");
      connectionLost(Link.ABNORMAL);
    } else if (authenticated) {
      link.send("{\"event\":\"ping\"}");
    }
  }

  private void setState(ConnectionState next) {
    state = next;
    Session current = next == ConnectionState.CONNECTED ? session : null;
    ConnectionListener listener = settings.connectionListener();
    if (listener != null) {
      stateLane.execute(() -> listener.onState(next, current));
    }
  }

  // ---- rooms ----

  private void sendJoin(Room room) {
    JsonObject data = Frames.data("room", room.name);
    Long since = room.feed.since();
    if (since != null) {
      data.addProperty("since", since);
    }
    room.joinSent(since != null);
    request("room:join", data).whenComplete((result, error) -> {
      if (error != null) {
        joinRefused(room, error); // when accepted, the history that follows completes the join
      }
    });
  }

  private void joinRefused(Room room, Throwable error) {
    if (code(error) == ErrorCode.NOT_CONNECTED || rooms.get(room.name) != room) {
      return; // rejoined on the next connection, or left meanwhile
    }
    room.joinAnswered();
    if (room.joined.isDone()) {
      loop.schedule(() -> retryJoin(room), RETRY_REFUSED.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      rooms.remove(room.name);
      room.joined.completeExceptionally(error);
    }
  }

  /** A recovering join was refused (the store was unavailable, say): the hole is still there. */
  private void retryJoin(Room room) {
    if (authenticated && rooms.get(room.name) == room && !room.joining()) {
      sendJoin(room);
    }
  }

  private void history(Room room, JsonObject data) {
    Boolean askedSince = room.joinAnswered();
    if (askedSince == null) {
      return; // not the answer to a join of ours
    }
    deliver(room, room.feed.history(Frames.messages(data.getAsJsonArray("messages"))));
    room.afterDeliveries(() -> room.joined.complete(null)); // once the listener has had the history
    boolean newerRemain = askedSince && data.get("hasMore").getAsBoolean();
    if (newerRemain || room.feed.hasHole() && !room.joining()) {
      sendJoin(room);
    }
  }

  private void live(Room room, Message message) {
    deliver(room, room.feed.accept(List.of(message)));
    if (room.feed.hasHole() && !room.joining()) {
      sendJoin(room); // a seq was skipped: fetch what came after the last one in order
    }
  }

  private void deliver(Room room, List<Message> messages) {
    room.deliver(messages);
    for (Message message : messages) {
      Outbox.Entry mine = session != null && message.userId() == session.user().id()
          ? outbox.confirm(message.clientMsgId()) : null;
      if (mine != null) {
        mine.result.complete(new SentMessage(message.id(), message.seq(), message.time()));
      }
    }
  }

  // ---- sending ----

  /** Writes what waits in the outbox, as fast as the pace allows. */
  private void writeOutbox() {
    if (!authenticated) {
      return;
    }
    for (Outbox.Entry entry : outbox.unwritten()) {
      long wait = sendPace.take();
      if (wait > 0) {
        writeOutboxIn(wait);
        return;
      }
      write(entry);
    }
  }

  private void writeOutboxIn(long nanos) {
    if (!outboxWriteScheduled) {
      outboxWriteScheduled = true;
      loop.schedule(() -> {
        outboxWriteScheduled = false;
        writeOutbox();
      }, nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void write(Outbox.Entry entry) {
    entry.written = true;
    request("chat:send", entry.data()).whenComplete((result, error) -> {
      if (error == null) {
        entry.stored = true; // its message, coming back in the room's stream, completes it
      } else {
        sendRefused(entry, error);
      }
    });
  }

  private void sendRefused(Outbox.Entry entry, Throwable error) {
    ErrorCode code = code(error);
    if (code == ErrorCode.NOT_CONNECTED) {
      return; // written again on the next connection
    }
    if (code == ErrorCode.RATE_LIMITED || code == ErrorCode.UNAVAILABLE) {
      entry.written = false; // nothing was stored: later, with the same clientMsgId
      writeOutboxIn(RETRY_REFUSED.toNanos());
      return;
    }
    outbox.remove(entry);
    entry.result.completeExceptionally(error);
  }

  // ---- frames ----

  /** Sends a request; its answer completes on the loop, or fails with a {@link ChatException}. */
  private CompletableFuture<JsonObject> request(String event, JsonObject data) {
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    link.send(Frames.request(event, data, requests.expect(answer)));
    return answer;
  }

  private static ErrorCode code(Throwable error) {
    return ((ChatException) error).code();
  }

  private void receive(String text) {
    Frames.Inbound frame = Frames.read(text);
    if (frame == null) {
      LOG.log(System.Logger.Level.WARNING, "a frame that is not a JSON event: ignored");
      return;
    }
    try {
      dispatch(frame);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a '" + frame.event() + "' frame of an unexpected shape: ignored", e);
    }
  }

  private void dispatch(Frames.Inbound frame) {
    JsonObject data = frame.data();
    switch (frame.event()) {
      case "ack" -> requests.accepted(frame.ack(), data);
      case "chat:error" -> {
        if (frame.ack() != null) {
          requests.refused(frame.ack(), Frames.error(data));
        } else {
          LOG.log(System.Logger.Level.WARNING, "the server refused a frame: " + data.get("code"));
        }
      }
      case "chat:new" -> inRoom(data, room -> live(room, Frames.message(data)));
      case "chat:history" -> inRoom(data, room -> history(room, data));
      case "presence:state", "presence:join", "presence:leave" ->
          inRoom(data, room -> room.presence(Frames.presence(frame.event(), data)));
      case "typing" -> inRoom(data, room -> room.typing(Frames.typing(data)));
      default -> {
        // session (its ack said the same), pong, and events of newer servers
      }
    }
  }

  private void inRoom(JsonObject data, Consumer<Room> handler) {
    Room room = rooms.get(data.get("room").getAsString());
    if (room != null) {
      handler.accept(room);
    }
  }

  private void onLoop(Runnable task) {
    try {
      loop.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "the client's loop failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      // the client is closed
    }
  }
}
