package dev.jchat.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A client of a jchat server: accounts over HTTP, the chat over one WebSocket that it keeps alive.
 *
 * <pre>{@code
 * ChatClient chat = ChatClient.connectTo(URI.create("http://localhost:3000"));
 * chat.login("alice", System.getenv("CHAT_PASSWORD"));
 * chat.connect().join();
 * chat.join("general", message -> System.out.println(message.user() + ": " + message.text())).join();
 * chat.send("general", "hello").join();
 * }</pre>
 *
 * <p>Recovery is built in. A lost connection is opened again after a backoff (exponential, full
 * jitter, capped, from the start again after a stable connection), authenticated, and every room
 * rejoined from its last message; a hole in a room's {@code seq} is filled the same way. Sends wait
 * in a bounded outbox until the server confirms them and are written again with the same
 * {@code clientMsgId}, so each is stored once. A room's listener sees each message exactly once, in
 * {@code seq} order. When the server refuses the token, the {@linkplain Builder#tokenRefresher
 * refresher} is asked for a new one; without one, or when it fails, the client stops in
 * {@link ConnectionState#AUTH_FAILED}.
 *
 * <p>Threads. The client's state lives on one loop thread; the socket's threads only queue frames onto
 * it. Listeners never run on either: each room has a delivery lane of its own (one task at a time, in
 * order, on a shared pool), so a listener that blocks holds up its own room only, and the connection
 * listener has a lane too. Futures complete on the pool's threads. Every method may be called from
 * any thread, listeners included.
 */
public final class ChatClient implements AutoCloseable {
  private final HttpApi http;
  private final ScheduledExecutorService loop;
  private final ExecutorService workers;
  private final ChatConnection connection;

  private ChatClient(ClientSettings settings) {
    this.http = new HttpApi(settings.server());
    this.loop = Executors.newSingleThreadScheduledExecutor(daemon("jchat-client-loop"));
    this.workers = Executors.newCachedThreadPool(daemon("jchat-client-worker"));
    this.connection = new ChatConnection(settings, loop, workers);
  }

  /** A client of the server at {@code server} ({@code http://host:port}) with the default settings. */
  public static ChatClient connectTo(URI server) {
    return builder(server).build();
  }

  public static Builder builder(URI server) {
    return new Builder(server);
  }

  /** Creates an account; the client then uses its token. Fails with {@code conflict} when the name is taken. */
  public Account register(String username, String password) {
    return use(http.register(username, password));
  }

  /** Logs in; the client then uses the token. Fails with {@code auth_failed} or {@code rate_limited}. */
  public Account login(String username, String password) {
    return use(http.login(username, password));
  }

  /** Uses a token got elsewhere (a previous login, say). */
  public void useToken(String token) {
    connection.useToken(Objects.requireNonNull(token));
  }

  /**
   * Opens the connection and keeps it open until {@link #close}. Completes with the first session,
   * which may take a while: while the server cannot be reached the client keeps trying. Fails when
   * the token is refused (and no refresher gives another).
   */
  public CompletableFuture<Session> connect() {
    return onLoop(connection::connect);
  }

  /** The current session, or null while not connected. */
  public Session session() {
    return connection.state() == ConnectionState.CONNECTED ? connection.session() : null;
  }

  public ConnectionState state() {
    return connection.state();
  }

  /**
   * Joins a room (again after every reconnect, until {@link #leave}). Completes once the room is
   * joined and the listener has had its recent history (up to 50 messages); fails with
   * {@code invalid_room} for a bad name. May be called before {@link #connect}.
   */
  public CompletableFuture<Void> join(String room, RoomListener listener) {
    Objects.requireNonNull(listener);
    return onLoop(() -> connection.join(room, listener));
  }

  /** Leaves a room: its listener hears nothing that comes later; its unconfirmed sends fail ({@code not_member}). */
  public CompletableFuture<Void> leave(String room) {
    return onLoop(() -> connection.leave(room));
  }

  /**
   * Sends a message to a joined room. It waits in the outbox while the connection is down. Completes
   * once the message is stored and has come back in the room's stream, in order (its listener call
   * may still be running); fails with the server's code ({@code invalid_message}, …), with {@code outbox_full} when too
   * many sends wait already, with {@code too_large} for a text over the frame limit (16 KiB), or with
   * {@code not_member} for a room not joined.
   */
  public CompletableFuture<SentMessage> send(String room, String text) {
    Objects.requireNonNull(text);
    return onLoop(() -> connection.send(room, text));
  }

  /** Tells the room's others that this user is typing (or stopped); needs a live connection. */
  public CompletableFuture<Void> typing(String room, boolean typing) {
    return onLoop(() -> connection.typing(room, typing));
  }

  /** A page of the room's messages older than {@code before} (null: the newest), over HTTP. */
  public CompletableFuture<HistoryPage> history(String room, Long before, int limit) {
    String token = connection.token();
    if (token == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("log in or register first"));
    }
    return http.history(token, room, before, limit).whenCompleteAsync((page, error) -> { }, workers);
  }

  /** Who is in a joined room now, as the server last said. */
  public CompletableFuture<List<User>> online(String room) {
    return onLoop(() -> CompletableFuture.completedFuture(connection.online(room)));
  }

  /** Closes the connection for good; waiting sends and joins fail with {@code closed}. */
  @Override
  public void close() {
    try {
      loop.submit(connection::close).get(10, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      return; // closed before
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the client did not close", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loop.shutdown();
  }

  private Account use(Account account) {
    connection.useToken(account.token());
    return account;
  }

  /** Runs on the loop; the answer completes on a worker, so no caller's code runs on the loop. */
  private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> call) {
    try {
      return CompletableFuture.supplyAsync(call, loop).thenCompose(future -> future)
          .whenCompleteAsync((value, error) -> { }, workers);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new ChatException(ErrorCode.CLOSED, "the client is closed"));
    }
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Settings; the defaults suit an interactive client. */
  public static final class Builder {
    private final URI server;
    private Duration firstBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration stableAfter = Duration.ofSeconds(30);
    private Duration heartbeat = Duration.ofSeconds(20);
    private int outboxCapacity = 1000;
    private Supplier<String> tokenRefresher;
    private ConnectionListener connectionListener;

    private Builder(URI server) {
      this.server = Objects.requireNonNull(server);
    }

    /** The first reconnect waits up to {@code first}, each next up to twice as long, never more than {@code max}. */
    public Builder backoff(Duration first, Duration max) {
      this.firstBackoff = first;
      this.maxBackoff = max;
      return this;
    }

    /** A connection that lasted this long counts as stable: the backoff starts from the first wait again. */
    public Builder stableAfter(Duration stableAfter) {
      this.stableAfter = stableAfter;
      return this;
    }

    /** How often the client pings; a connection silent for two of these is given up and opened again. */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = heartbeat;
      return this;
    }

    /** How many sends may wait for their confirmation at once; the next fails with {@code outbox_full}. */
    public Builder outboxCapacity(int capacity) {
      this.outboxCapacity = capacity;
      return this;
    }

    /**
     * Called (on a worker thread) when the server refuses the token, expired say, for a new one
     * (log in again); null or an exception stops the client in {@link ConnectionState#AUTH_FAILED}.
     */
    public Builder tokenRefresher(Supplier<String> tokenRefresher) {
      this.tokenRefresher = tokenRefresher;
      return this;
    }

    public Builder onConnectionState(ConnectionListener listener) {
      this.connectionListener = listener;
      return this;
    }

    public ChatClient build() {
      return new ChatClient(new ClientSettings(server, firstBackoff, maxBackoff, stableAfter, heartbeat,
          outboxCapacity, tokenRefresher, connectionListener));
    }
  }
}
