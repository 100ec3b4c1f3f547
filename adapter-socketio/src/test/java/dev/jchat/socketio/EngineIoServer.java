package dev.jchat.socketio;

import dev.jchat.conformance.TestChat;
import dev.jchat.core.chat.ChatSettings;
import dev.jchat.core.domain.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A bare Jetty server with nothing but the Socket.IO binding in front of a test chat, and raw
 * Engine.IO clients (the JDK's HTTP and WebSocket clients) to speak to it packet by packet.
 */
final class EngineIoServer implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final TestChat chat;
  private final Server server = new Server();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final int port;

  EngineIoServer(ChatSettings chatSettings, EngineIoSettings settings) throws Exception {
    chat = new TestChat(chatSettings, "jetty");
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    SocketIoServer.install(server, chat.endpoints().chat(), chat.endpoints().origins(), settings);
    server.start();
    port = connector.getLocalPort();
  }

  String token(long userId, String name, Duration lifetime) {
    return chat.token(new User(userId, name), lifetime);
  }

  record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
    String[] packets() {
      return body.split("\u001e", -1);
    }
  }

  Answer get(String query, String... headers) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("http", query)).headers(headers(headers)).GET());
  }

  Answer post(String query, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("http", query)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer put(String query) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("http", query)).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /** A new long-polling session; its id. */
  String handshake() throws Exception {
    String open = get("EIO=4&transport=polling").body();
    return open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf("\",\"upgrades\""));
  }

  Socket webSocket(String query) throws Exception {
    Socket socket = new Socket();
    http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri("ws", query), socket)
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return socket;
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers().map());
  }

  private URI uri(String scheme, String query) {
    return URI.create(scheme + "://127.0.0.1:" + port + SocketIoServer.PATH + "?" + query);
  }

  private static String[] headers(String... headers) {
    return headers.length == 0 ? new String[] {"Accept", "*/*"} : headers;
  }

  @Override
  public void close() throws Exception {
    server.stop();
    chat.close();
  }

  /** A raw WebSocket: the text messages it received, in order, and whether it has closed. */
  static final class Socket implements WebSocket.Listener {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket webSocket;

    @Override
    public void onOpen(WebSocket webSocket) {
      this.webSocket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }

    void send(String text) {
      webSocket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
      webSocket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** The next message; fails after the timeout. */
    String next() throws InterruptedException {
      String message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + TIMEOUT);
      }
      return message;
    }

    /** The next message that is not a heartbeat ping; pings on the way are answered. */
    String nextAnsweringPings() throws InterruptedException {
      String message = next();
      while (message.equals("2")) {
        send("3");
        message = next();
      }
      return message;
    }

    /** Waits until the server has closed the socket (or dropped it). */
    void awaitClose() throws Exception {
      closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
