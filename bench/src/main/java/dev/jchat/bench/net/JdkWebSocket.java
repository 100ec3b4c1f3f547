package dev.jchat.bench.net;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The same client on {@code java.net.http.WebSocket}, kept to measure what the JDK client costs per
 * delivery ({@code --client jdk}). Its sends are chained (the JDK allows one outstanding send);
 * it answers pings by itself.
 */
final class JdkWebSocket implements WebSocket, java.net.http.WebSocket.Listener {
  private final WebSocketListener listener;
  private final StringBuilder partial = new StringBuilder();
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private java.net.http.WebSocket socket;
  private boolean sending;

  private JdkWebSocket(WebSocketListener listener) {
    this.listener = listener;
  }

  static Connector connector(EventLoop[] loops, int threads) {
    ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "jdk-websocket");
      thread.setDaemon(true);
      return thread;
    });
    HttpClient client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
    return new Connector() {
      @Override
      public void connect(URI uri, EventLoop loop, WebSocketListener listener) {
        JdkWebSocket adapter = new JdkWebSocket(listener);
        client.newWebSocketBuilder().buildAsync(uri, adapter).whenComplete((socket, failure) -> {
          if (failure != null) {
            adapter.finish(1006, String.valueOf(failure.getMessage()));
          }
        });
      }

      @Override
      public EventLoop[] loops() {
        return loops;
      }

      @Override
      public String name() {
        return "jdk";
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

  @Override
  public void onOpen(java.net.http.WebSocket webSocket) {
    this.socket = webSocket;
    listener.onOpen(this);
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(java.net.http.WebSocket webSocket, CharSequence data, boolean last) {
    if (!last || partial.length() > 0) {
      partial.append(data);
      if (last) {
        byte[] bytes = partial.toString().getBytes(StandardCharsets.UTF_8);
        partial.setLength(0);
        listener.onText(this, bytes, 0, bytes.length);
      }
    } else {
      byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
      listener.onText(this, bytes, 0, bytes.length);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(java.net.http.WebSocket webSocket, int statusCode, String reason) {
    finish(statusCode, reason);
    return null;
  }

  @Override
  public void onError(java.net.http.WebSocket webSocket, Throwable error) {
    finish(1006, String.valueOf(error.getMessage()));
  }

  @Override
  public void sendText(String text) {
    synchronized (this) {
      if (closed.get() || socket == null) {
        return;
      }
      if (sending) {
        queue.add(text);
        return;
      }
      sending = true;
    }
    sendNow(text);
  }

  private void sendNow(String text) {
    socket.sendText(text, true).whenComplete((ignored, failure) -> {
      if (failure != null) {
        finish(1006, "write: " + failure.getMessage());
        return;
      }
      String next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          sending = false;
          return;
        }
      }
      sendNow(next);
    });
  }

  @Override
  public synchronized int pendingFrames() {
    return queue.size();
  }

  @Override
  public void close(int code) {
    if (socket != null && !closed.get()) {
      socket.sendClose(code, "").whenComplete((ignored, failure) -> socket.abort());
    }
    finish(code, "closed by the client");
  }

  private void finish(int code, String reason) {
    if (closed.compareAndSet(false, true)) {
      synchronized (this) {
        queue.clear();
      }
      listener.onClose(this, code, reason);
    }
  }
}
