package dev.jchat.bench.client;

import dev.jchat.bench.net.EventLoop;
import dev.jchat.bench.net.WebSocket;
import dev.jchat.bench.net.WebSocketListener;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated user connection. Subclasses speak one server's protocol; this class measures what
 * arrives. A sent text starts with {@code <System.nanoTime()>.<step>.}, so the receiver computes the
 * latency from send to receipt (same process, same clock) and credits the step that sent it.
 */
public abstract class BenchClient implements WebSocketListener {
  private static final byte[] TEXT_KEY = Bytes.ascii("\"text\":\"");
  private static final byte[] ID_KEY = Bytes.ascii("\"id\":");

  protected final Measurements measurements;
  protected final int index;
  protected final String room;
  private final EventLoop loop;
  private final CompletableFuture<BenchClient> ready = new CompletableFuture<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  protected volatile WebSocket socket;
  private volatile boolean closing;
  private long lastId;

  protected BenchClient(Measurements measurements, int index, String room, EventLoop loop) {
    this.measurements = measurements;
    this.index = index;
    this.room = room;
    this.loop = loop;
  }

  /** Where this client connects, given the server's base address ({@code http://host:port}). */
  public abstract URI uri(String baseUrl);

  /** Sends one chat message whose text is {@code text}; called on the client's loop. False if it could not. */
  protected abstract boolean sendText(String text, long sentAt, int step);

  public EventLoop loop() {
    return loop;
  }

  public int index() {
    return index;
  }

  public String room() {
    return room;
  }

  /** Completes once the client is connected, authenticated and in its room; fails if it never gets there. */
  public CompletableFuture<BenchClient> ready() {
    return ready;
  }

  /** Completes with the close code when the connection ends. */
  public CompletableFuture<Integer> closed() {
    return closed;
  }

  public boolean isOpen() {
    return !closed.isDone();
  }

  /**
   * Sends one measured message for {@code step} followed by {@code padding}; {@code lagNanos} is how
   * late the pacer is against its schedule.
   */
  public void send(int step, String padding, long lagNanos) {
    long now = System.nanoTime();
    if (sendText(now + "." + step + "." + padding, now, step)) {
      measurements.step(step).sent(lagNanos);
    }
  }

  public void close() {
    closing = true;
    WebSocket current = socket;
    if (current != null) {
      current.close(1000);
    }
  }

  @Override
  public void onOpen(WebSocket socket) {
    this.socket = socket;
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason) {
    if (!ready.isDone()) {
      ready.completeExceptionally(new IllegalStateException("client " + index + " closed with " + code + " " + reason));
    } else if (!closing) {
      measurements.current().countClosed(); // the server cut it off
    }
    closed.complete(code);
  }

  protected void becomeReady() {
    ready.complete(this);
  }

  protected void fail(String why) {
    if (ready.completeExceptionally(new IllegalStateException("client " + index + ": " + why))) {
      close();
    }
  }

  /** A chat message arrived: measures it when the generator wrote it, and checks the id order. */
  protected void delivered(byte[] bytes, int offset, int end) {
    long now = System.nanoTime();
    int textAt = Bytes.indexOf(bytes, offset, end, TEXT_KEY);
    if (textAt < 0) {
      return;
    }
    int at = textAt + TEXT_KEY.length;
    long sentAt = Bytes.number(bytes, at, end);
    if (sentAt < 0) {
      return; // not ours
    }
    while (at < end && bytes[at] != '.') {
      at++;
    }
    StepStats step = measurements.forStep(Bytes.number(bytes, at + 1, end));
    if (step == null) {
      return;
    }
    long id = Bytes.numberAfter(bytes, offset, textAt, ID_KEY);
    if (id >= 0) {
      if (id <= lastId) {
        step.countOutOfOrder();
      } else {
        lastId = id;
      }
    }
    step.delivered(now - sentAt);
  }

  /** Messages sent before this id arrived as history: later deliveries must be newer. */
  protected void seen(long id) {
    lastId = Math.max(lastId, id);
  }

  protected void error() {
    measurements.current().countError();
  }
}
