package dev.jchat.jakarta;

import dev.jchat.core.chat.ChatService;
import dev.jchat.core.chat.ChatSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.wire.Endpoints;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;

/**
 * One WebSocket connection on any Jakarta WebSocket container: hands text frames to the core and
 * reports pongs as signs of life. Created per connection by {@link ChatEndpointConfigurator}, which
 * hands it the shared state.
 *
 * <p>Containers differ in how they enforce the protocol's limits, so the endpoint enforces them
 * itself: Tomcat counts its text buffer in characters, Tyrus in bytes of the platform charset, so a
 * text message is measured again in UTF-8 bytes here (over 16 KiB: close 1009); a binary message is
 * taken in parts, so a large one is refused with 1003 rather than 1009. Invalid UTF-8 is refused
 * with 1007 by every container before it reaches a handler.
 */
public final class ChatEndpoint extends Endpoint {
  private static final System.Logger LOG = System.getLogger(ChatEndpoint.class.getName());
  /** Tomcat's per-session timeout for blocking sends (pings, closes): past it, Tomcat drops the connection. */
  static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
  private static final long BLOCKING_SEND_TIMEOUT_MILLIS = 1_000;

  private final ChatService chat;
  private final ControlFrames control;
  private final Peer.Finder peers;
  private volatile ChatSession session;

  ChatEndpoint(Endpoints endpoints, ControlFrames control, Peer.Finder peers) {
    this.chat = endpoints.chat();
    this.control = control;
    this.peers = peers;
  }

  @Override
  public void onOpen(Session jakarta, EndpointConfig config) {
    jakarta.setMaxIdleTimeout(0); // the core closes idle connections itself
    jakarta.setMaxTextMessageBufferSize(Endpoints.MAX_FRAME_BYTES);
    jakarta.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, BLOCKING_SEND_TIMEOUT_MILLIS);
    ChatSession opened = chat.open(new JakartaConnection(jakarta, peers.of(jakarta), control));
    session = opened;
    jakarta.addMessageHandler(String.class, (MessageHandler.Whole<String>) frame -> {
      if (exceedsUtf8Bytes(frame, Endpoints.MAX_FRAME_BYTES)) {
        chat.close(opened, CloseCode.TOO_BIG, "frame over 16 KiB");
      } else {
        chat.receive(opened, frame);
      }
    });
    jakarta.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) ->
        chat.close(opened, CloseCode.BINARY_FRAME, "binary frames are not supported"));
    jakarta.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> opened.heard());
  }

  @Override
  public void onClose(Session jakarta, CloseReason reason) {
    ChatSession opened = session;
    if (opened != null) {
      chat.closed(opened);
    }
  }

  @Override
  public void onError(Session jakarta, Throwable failure) {
    LOG.log(System.Logger.Level.DEBUG, "WebSocket error: " + failure);
  }

  /** Whether the UTF-8 form of the text is longer than {@code max} bytes, without encoding it. */
  static boolean exceedsUtf8Bytes(String text, int max) {
    int length = text.length();
    if (length > max) {
      return true; // at least one byte per UTF-16 unit
    }
    if ((long) length * 3 <= max) {
      return false; // at most three bytes per UTF-16 unit
    }
    long bytes = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a surrogate pair: 4 bytes
    }
    return bytes > max;
  }
}
