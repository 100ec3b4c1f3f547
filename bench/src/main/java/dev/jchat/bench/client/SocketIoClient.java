package dev.jchat.bench.client;

import dev.jchat.bench.net.EventLoop;
import dev.jchat.bench.net.WebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A Socket.IO client over a WebSocket: Engine.IO v4 ({@code 0} open, {@code 2}/{@code 3} ping/pong,
 * {@code 4} message), Socket.IO packets inside ({@code 40} connect to the default namespace,
 * {@code 42[event,data]} events, {@code 43<id>[data]} acknowledgements). Against the peer it connects
 * without auth, into the peer's one room (everyone); against our server's Socket.IO binding it
 * connects with its token and joins its room (acknowledged) before it is ready.
 */
public final class SocketIoClient extends BenchClient {
  private static final byte[] CHAT_NEW = Bytes.ascii("42[\"chat:new\"");
  private static final byte[] CHAT_ERROR = Bytes.ascii("42[\"chat:error\"");
  private static final byte[] JOINED = Bytes.ascii("430[{\"room\"");

  private final String token;

  /** A client of the peer. */
  public SocketIoClient(Measurements measurements, int index, EventLoop loop) {
    this(measurements, index, "everyone", loop, null);
  }

  /** A client of our server, with its account's token. */
  public SocketIoClient(Measurements measurements, int index, String room, EventLoop loop, String token) {
    super(measurements, index, room, loop);
    this.token = token;
  }

  @Override
  public URI uri(String baseUrl) {
    return URI.create(baseUrl.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
  }

  @Override
  public void onText(WebSocket socket, byte[] bytes, int offset, int length) {
    int end = offset + length;
    if (length == 0) {
      return;
    }
    switch (bytes[offset]) {
      case '0' -> socket.sendText(token == null ? "40" : "40{\"token\":\"" + token + "\"}"); // Engine.IO open
      case '2' -> socket.sendText("3"); // Engine.IO ping
      case '4' -> message(bytes, offset, end);
      default -> {
        // noop (6), close (1), upgrade (5): not used over a plain WebSocket
      }
    }
  }

  private void message(byte[] bytes, int offset, int end) {
    if (end - offset < 2) {
      return;
    }
    switch (bytes[offset + 1]) {
      case '0' -> joinOrBeReady();
      case '3' -> joined(bytes, offset, end);
      case '4' -> fail("connect_error " + new String(bytes, offset, end - offset, StandardCharsets.UTF_8));
      case '2' -> {
        if (Bytes.startsWith(bytes, offset, end, CHAT_NEW)) {
          delivered(bytes, offset, end);
        } else if (Bytes.startsWith(bytes, offset, end, CHAT_ERROR)) {
          error();
        }
      }
      default -> {
        // binary events are not part of either protocol
      }
    }
  }

  /** Connected: the peer's one room holds everyone, our server's rooms are joined. */
  private void joinOrBeReady() {
    if (token == null) {
      becomeReady();
    } else {
      socket.sendText("420[\"room:join\",{\"room\":\"" + room + "\"}]");
    }
  }

  /** The one acknowledged request is the join: ready, unless it was refused. */
  private void joined(byte[] bytes, int offset, int end) {
    if (Bytes.startsWith(bytes, offset, end, JOINED)) {
      becomeReady();
    } else {
      fail("join refused " + new String(bytes, offset, end - offset, StandardCharsets.UTF_8));
    }
  }

  @Override
  protected boolean sendText(String text, long now, int step) {
    WebSocket current = socket;
    if (current == null) {
      return false;
    }
    current.sendText("42[\"chat:send\",{\"room\":\"" + room + "\",\"text\":\"" + text + "\"}]");
    return true;
  }
}
