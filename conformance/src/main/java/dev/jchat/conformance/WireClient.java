package dev.jchat.conformance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test client over a real WebSocket (the JDK's): sends frames, and waits for frames or the close,
 * always with a timeout. Frames are kept in arrival order.
 */
public final class WireClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebSocket socket;
  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final BlockingQueue<Integer> pings = new LinkedBlockingQueue<>();
  private final AtomicInteger pingCount = new AtomicInteger();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean reading = true;
  private volatile Throwable error;
  private int nextAck = 1;

  private WireClient(WebSocket.Builder builder, URI uri) throws Exception {
    this.socket = builder.buildAsync(uri, new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  public static WireClient connect(URI uri) throws Exception {
    return new WireClient(HttpClient.newHttpClient().newWebSocketBuilder(), uri);
  }

  public static WireClient connect(URI uri, String origin) throws Exception {
    return new WireClient(HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin), uri);
  }

  /**
   * The HTTP status that refused the upgrade, or 101 when the server upgraded the connection
   * (which is then closed again).
   */
  public static int upgradeStatus(URI uri, String origin) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (origin != null) {
      builder.header("Origin", origin);
    }
    try {
      WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() { })
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      socket.abort();
      return 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  /** Sends a raw text frame. */
  public WireClient sendRaw(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  public void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  /**
   * Sends the {@code first} frames, then {@code then} over and over, on a thread of its own, as a client
   * that does not pause to read would, until the connection ends or refuses a write. A binary first
   * frame is given as a {@code byte[]}, a text one as a {@code String}.
   */
  public void keepSending(List<Object> first, String then) {
    Thread writer = new Thread(() -> {
      try {
        for (Object frame : first) {
          if (frame instanceof byte[] bytes) {
            sendBinary(bytes);
          } else {
            sendRaw((String) frame);
          }
        }
        while (!isClosed()) {
          sendRaw(then);
        }
      } catch (RuntimeException e) {
        // the connection ended: nothing more to send
      }
    }, "wire-client-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Sends an event with an ack number of its own and returns that number. */
  public int request(String event, JsonObject data) {
    int ack = nextAck++;
    JsonObject frame = new JsonObject();
    frame.addProperty("event", event);
    if (data != null) {
      frame.add("data", data);
    }
    frame.addProperty("ack", ack);
    sendRaw(frame.toString());
    return ack;
  }

  /** Sends an event without ack. */
  public void emit(String event, JsonObject data) {
    JsonObject frame = new JsonObject();
    frame.addProperty("event", event);
    if (data != null) {
      frame.add("data", data);
    }
    sendRaw(frame.toString());
  }

  /** The next frame, whatever it is. */
  public JsonObject next() throws InterruptedException {
    return parse(nextRaw());
  }

  /** The next frame exactly as the server wrote it. */
  public String nextRaw() throws InterruptedException {
    String frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (frame == null) {
      throw new AssertionError("no frame within " + TIMEOUT);
    }
    return frame;
  }

  /** Skips frames until one matches; fails after the timeout. */
  public JsonObject await(Predicate<JsonObject> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> skipped = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      String raw = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
      if (raw == null) {
        throw new AssertionError("no " + what + " within " + TIMEOUT + "; skipped " + skipped);
      }
      JsonObject frame = parse(raw);
      if (wanted.test(frame)) {
        return frame;
      }
      skipped.add(frame.toString());
    }
  }

  public JsonObject awaitEvent(String event) throws InterruptedException {
    return await(frame -> event.equals(Frames.event(frame)), "'" + event + "'");
  }

  /** The answer to a request: its ack or its chat:error. */
  public JsonObject awaitAnswer(int ack) throws InterruptedException {
    return await(frame -> frame.has("ack") && frame.get("ack").getAsInt() == ack, "answer to ack " + ack);
  }

  /** Frames that arrive within the given time; for checking that something does NOT come. */
  public List<JsonObject> drain(Duration quiet) throws InterruptedException {
    List<JsonObject> seen = new ArrayList<>();
    String frame;
    while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      seen.add(parse(frame));
    }
    return seen;
  }

  /**
   * Sends a {@code ping} with an ack of its own and returns every frame that arrives before that
   * ack, less the ping's own {@code pong}. The server answers a connection's frames in order, so
   * anything it queued for this client before reading the ping is among them: the way to show
   * that an event did NOT come, without sleeping.
   */
  public List<JsonObject> framesUntilPong() throws InterruptedException {
    int marker = request("ping", null);
    List<JsonObject> before = new ArrayList<>();
    while (true) {
      JsonObject frame = next();
      if ("ack".equals(Frames.event(frame)) && frame.get("ack").getAsInt() == marker) {
        break;
      }
      before.add(frame);
    }
    if (before.isEmpty() || !"pong".equals(Frames.event(before.get(before.size() - 1)))) {
      throw new AssertionError("no pong before the ack of ping " + marker + ": " + before);
    }
    before.remove(before.size() - 1);
    return before;
  }

  /** Waits until the server has sent this many WebSocket ping frames in all. */
  public void awaitPings(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (pingCount.get() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || pings.poll(left, TimeUnit.NANOSECONDS) == null) {
        throw new AssertionError("only " + pingCount.get() + " of " + count + " pings within " + TIMEOUT);
      }
    }
  }

  public int awaitClose() throws Exception {
    return closeCode.get(TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS);
  }

  public int awaitClose(Duration timeout) throws Exception {
    return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Why the connection ended without a close frame (close code 1006), or null. */
  public Throwable error() {
    return error;
  }

  public boolean isClosed() {
    return closeCode.isDone();
  }

  /** Stops reading from the socket, so the server's writes back up (a slow consumer). */
  public void stopReading() {
    reading = false;
  }

  /** Reads again after {@link #stopReading()}: what was held back, then whatever follows. */
  public void resumeReading() {
    reading = true;
    socket.request(1);
  }

  /** Parses a frame and checks it has exactly the shape the protocol lists. */
  private static JsonObject parse(String raw) {
    JsonObject frame;
    try {
      frame = JsonParser.parseString(raw).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new AssertionError("the server sent a frame that is not one JSON object: " + raw, e);
    }
    List<String> problems = Shapes.problems(frame);
    if (!problems.isEmpty()) {
      throw new AssertionError("the server sent a frame of the wrong shape: " + raw + " " + problems);
    }
    return frame;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      if (reading) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      pings.add(pingCount.incrementAndGet()); // the JDK answers with a pong by itself
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      WireClient.this.error = error;
      closeCode.complete(1006);
    }
  }
}
