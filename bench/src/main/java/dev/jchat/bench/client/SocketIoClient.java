package dev.jchat.bench.client;

import dev.jchat.bench.net.EventLoop;
import dev.jchat.bench.net.WebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A client of the Socket.IO peer over its own protocol: Engine.IO v4 on a WebSocket ({@code 0} open,
 * {@code 2}/{@code 3} ping/pong, {@code 4} message), Socket.IO packets inside ({@code 40} connect to
 * the default namespace, {@code 42[event,data]} events). The peer has one room: everyone.
 */
public final class SocketIoClient extends BenchClient {
  private static final byte[] CHAT_NEW = Bytes.ascii("42[\"chat:new\"");
  private static final byte[] CHAT_ERROR = Bytes.ascii("42[\"chat:error\"");

  public SocketIoClient(Measurements measurements, int index, EventLoop loop) {
    super(measurements, index, "everyone", loop);
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
      case '0' -> socket.sendText("40"); // Engine.IO open: connect to the default namespace
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
      case '0' -> becomeReady();
      case '4' -> fail("connect_error " + new String(bytes, offset, end - offset, StandardCharsets.UTF_8));
      case '2' -> {
        if (Bytes.startsWith(bytes, offset, end, CHAT_NEW)) {
          delivered(bytes, offset, end);
        } else if (Bytes.startsWith(bytes, offset, end, CHAT_ERROR)) {
          error();
        }
      }
      default -> {
        // acks and binary events are not part of the peer's protocol
      }
    }
  }

  @Override
  protected boolean sendText(String text, long now, int step) {
    WebSocket current = socket;
    if (current == null) {
      return false;
    }
    current.sendText("42[\"chat:send\",{\"text\":\"" + text + "\"}]");
    return true;
  }
}
