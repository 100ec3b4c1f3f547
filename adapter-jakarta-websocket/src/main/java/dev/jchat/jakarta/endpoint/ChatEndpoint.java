package dev.jchat.jakarta.endpoint;

import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.domain.FrameSize;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.Failures;
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
  /** Where a session keeps its chat connection, for {@link #refuse}. */
  private static final String CHAT_SESSION = ChatEndpoint.class.getName() + ".chatSession";

  private final Endpoints endpoints;
  private final ControlFrames control;
  private final Peer.Finder peers;
  private volatile ClientSession session;

  ChatEndpoint(Endpoints endpoints, ControlFrames control, Peer.Finder peers) {
    this.endpoints = endpoints;
    this.control = control;
    this.peers = peers;
  }

  @Override
  public void onOpen(Session jakarta, EndpointConfig config) {
    jakarta.setMaxIdleTimeout(0); // the core closes idle connections itself
    jakarta.setMaxTextMessageBufferSize(Endpoints.MAX_FRAME_BYTES);
    jakarta.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, BLOCKING_SEND_TIMEOUT_MILLIS);
    ClientSession opened =
        Failures.guarded(endpoints.chat().open(new JakartaConnection(jakarta, peers.of(jakarta), control)));
    session = opened;
    jakarta.getUserProperties().put(CHAT_SESSION, opened);
    jakarta.addMessageHandler(String.class, (MessageHandler.Whole<String>) frame -> {
      if (exceedsUtf8Bytes(frame, Endpoints.MAX_FRAME_BYTES)) {
        opened.close(CloseCode.TOO_BIG, "frame over 16 KiB");
      } else {
        opened.receive(frame);
      }
    });
    jakarta.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) ->
        opened.close(CloseCode.BINARY_FRAME, "binary frames are not supported"));
    jakarta.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> opened.pong());
  }

  @Override
  public void onClose(Session jakarta, CloseReason reason) {
    ClientSession opened = session;
    if (opened != null) {
      opened.closed();
    }
  }

  /**
   * Has the chat close a session for what a container-level guard refused (a message over 16 KiB,
   * text that is not UTF-8), as it closes for every refusal of its own.
   */
  public static void refuse(Session jakarta, CloseCode code, String reason) {
    if (jakarta.getUserProperties().get(CHAT_SESSION) instanceof ClientSession opened) {
      opened.close(code, reason);
    }
  }

  /**
   * The container reports here what the client or the network did (a reset, a bad frame): DEBUG. A
   * failure of the chat itself never comes here: {@link Failures#guarded} logs it at WARN and closes
   * with 1011.
   */
  @Override
  public void onError(Session jakarta, Throwable failure) {
    LOG.log(System.Logger.Level.DEBUG, "WebSocket error: " + failure);
  }

  /** Whether the UTF-8 form of the text is longer than {@code max} bytes, counting only when it may be. */
  static boolean exceedsUtf8Bytes(String text, int max) {
    int length = text.length();
    if (length > max) {
      return true; // at least one byte per UTF-16 unit
    }
    return (long) length * 3 > max && FrameSize.utf8Bytes(text) > max; // at most three bytes per unit
  }
}
