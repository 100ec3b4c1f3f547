package dev.jchat.bench.net;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Engine.IO's long-polling transport behind the generator's {@link WebSocket} ({@code --client
 * polling}), so that the same Socket.IO client measures what a long-polling client costs the server:
 * the handshake GET opens the session, each further GET waits for the packets that queued, and what
 * the client sends goes in one POST at a time (packets queued meanwhile share the next one), as in
 * engine.io-client. Only for the Socket.IO targets: {@code ws://…/socket.io/?EIO=4&transport=websocket}
 * is asked over polling instead.
 */
final class LongPollingSocket implements WebSocket {
  private static final String SEPARATOR = "\u001e";

  private final HttpClient http;
  private final WebSocketListener listener;
  private final URI base;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<String> queue = new ArrayList<>();
  private boolean posting;
  private URI session;

  private LongPollingSocket(HttpClient http, WebSocketListener listener, URI webSocketUri) {
    this.http = http;
    this.listener = listener;
    this.base = URI.create(webSocketUri.toString().replaceFirst("^ws", "http").replace("transport=websocket",
        "transport=polling"));
  }

  static Connector connector(EventLoop[] loops, int threads) {
    ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "long-polling");
      thread.setDaemon(true);
      return thread;
    });
    HttpClient http = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    return new Connector() {
      @Override
      public void connect(URI uri, EventLoop loop, WebSocketListener listener) {
        new LongPollingSocket(http, listener, uri).poll(true);
      }

      @Override
      public EventLoop[] loops() {
        return loops;
      }

      @Override
      public String name() {
        return "polling";
      }

      @Override
      public void close() {
        for (EventLoop loop : loops) {
          loop.close();
        }
        executor.shutdownNow();
      }
    };
  }

  /** One GET: the handshake first, then a poll; each answer's packets go to the listener in order. */
  private void poll(boolean handshake) {
    if (closed.get()) {
      return;
    }
    URI uri = handshake ? base : session;
    http.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
        .whenComplete((response, failure) -> {
          if (failure != null || response.statusCode() != 200) {
            finish(1006, why("poll", response, failure));
            return;
          }
          if (handshake) {
            String body = response.body();
            String sid = body.substring(body.indexOf("\"sid\":\"") + 7, body.indexOf("\",\"upgrades\""));
            session = URI.create(base + "&sid=" + sid);
            listener.onOpen(this);
          }
          for (String packet : response.body().split(SEPARATOR)) {
            if (packet.equals("1")) {
              finish(1000, "closed by the server");
              return;
            }
            byte[] bytes = packet.getBytes(StandardCharsets.UTF_8);
            listener.onText(this, bytes, 0, bytes.length);
          }
          poll(false);
        });
  }

  @Override
  public void sendText(String text) {
    synchronized (this) {
      if (closed.get() || session == null) {
        return;
      }
      queue.add(text);
      if (posting) {
        return; // goes with the next POST
      }
      posting = true;
    }
    post();
  }

  private void post() {
    String payload;
    synchronized (this) {
      if (queue.isEmpty() || closed.get()) {
        posting = false;
        return;
      }
      payload = String.join(SEPARATOR, queue);
      queue.clear();
    }
    http.sendAsync(HttpRequest.newBuilder(session).POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
        HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
          if (failure != null || response.statusCode() != 200) {
            finish(1006, why("post", response, failure));
          } else {
            post();
          }
        });
  }

  @Override
  public synchronized int pendingFrames() {
    return queue.size();
  }

  @Override
  public void close(int code) {
    URI current = session;
    if (current != null && !closed.get()) {
      http.sendAsync(HttpRequest.newBuilder(current).POST(HttpRequest.BodyPublishers.ofString("1")).build(),
          HttpResponse.BodyHandlers.discarding());
    }
    finish(code, "closed by the client");
  }

  private static String why(String request, HttpResponse<?> response, Throwable failure) {
    return failure != null ? request + ": " + failure.getMessage() : request + " answered " + response.statusCode();
  }

  private void finish(int code, String reason) {
    if (closed.compareAndSet(false, true)) {
      listener.onClose(this, code, reason);
    }
  }
}
