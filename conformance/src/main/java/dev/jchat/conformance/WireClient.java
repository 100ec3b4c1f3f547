package dev.jchat.conformance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client over a real WebSocket (the JDK's): sends frames, and waits for frames or the close,
 * always with a timeout. Frames are kept in arrival order.
 */
public final class WireClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebSocket socket;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean reading = true;
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

  /** Sends a raw text frame. */
  public WireClient sendRaw(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  public void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
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
    JsonObject frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
      JsonObject frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("no " + what + " within " + TIMEOUT + "; skipped " + skipped);
      }
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
    JsonObject frame;
    while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      seen.add(frame);
    }
    return seen;
  }

  public int awaitClose() throws Exception {
    return closeCode.get(TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS);
  }

  public int awaitClose(Duration timeout) throws Exception {
    return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isClosed() {
    return closeCode.isDone();
  }

  /** Stops reading from the socket, so the server's writes back up (a slow consumer). */
  public void stopReading() {
    reading = false;
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
        frames.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
        partial.setLength(0);
      }
      if (reading) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.complete(1006);
    }
  }
}
