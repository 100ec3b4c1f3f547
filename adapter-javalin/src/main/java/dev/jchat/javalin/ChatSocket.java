package dev.jchat.javalin;

import dev.jchat.core.chat.ChatService;
import dev.jchat.core.chat.ChatSession;
import dev.jchat.core.domain.CloseCode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connection on Jetty: hands text frames to the core and reports pongs as signs of
 * life. Public because Jetty binds the listener methods by reflection. Jetty itself closes with 1009 for an oversized frame and 1007 for invalid UTF-8.
 */
public final class ChatSocket implements Session.Listener.AutoDemanding {
  private static final System.Logger LOG = System.getLogger(ChatSocket.class.getName());

  private final ChatService chat;
  private final OpenSockets sockets;
  private final String remoteAddress;
  private volatile ChatSession session;

  ChatSocket(ChatService chat, OpenSockets sockets, String remoteAddress) {
    this.chat = chat;
    this.sockets = sockets;
    this.remoteAddress = remoteAddress;
  }

  @Override
  public void onWebSocketOpen(Session jetty) {
    sockets.opened();
    session = chat.open(new JettyConnection(jetty, remoteAddress));
  }

  @Override
  public void onWebSocketText(String frame) {
    chat.receive(session, frame);
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    session.heard();
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    callback.succeed();
    chat.close(session, CloseCode.BINARY_FRAME, "binary frames are not supported");
  }

  /**
   * Jetty reports here what it closes the connection for (1009, 1007, a broken pipe); the close
   * follows through {@link #onWebSocketClose}, so this only records it.
   */
  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "websocket error from " + remoteAddress + ": " + cause);
  }

  @Override
  public void onWebSocketClose(int code, String reason) {
    if (session != null) {
      chat.closed(session);
      sockets.closed();
    }
  }
}
