package dev.jchat.javalin;

import dev.jchat.core.api.Chat;
import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.wire.Failures;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;

/**
 * One WebSocket connection on Jetty's core WebSocket API (a {@link FrameHandler}, below Jetty's
 * WebSocket API for applications): hands text messages to the core, answers pings and reports pongs
 * as signs of life, which only this level of the API lets us see. Jetty's message sink assembles the text (1009 for a
 * message over the configured limit, 1007 for invalid UTF-8). It keeps nothing of the upgrade
 * request, so that once upgraded a connection holds only Jetty's WebSocket state and ours.
 */
final class JettyCoreFrameHandler implements FrameHandler {
  private static final System.Logger LOG = System.getLogger(JettyCoreFrameHandler.class.getName());

  private final Chat chat;
  private final OpenSockets sockets;
  private final EncodedFrames encoded;
  private final String remoteAddress;
  private volatile ClientSession session;
  private CoreSession core;
  private StringMessageSink text;
  /** Whether the data message in progress is binary, which its continuation frames then are too. */
  private boolean binary;

  JettyCoreFrameHandler(Chat chat, OpenSockets sockets, EncodedFrames encoded, String remoteAddress) {
    this.chat = chat;
    this.sockets = sockets;
    this.encoded = encoded;
    this.remoteAddress = remoteAddress;
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    core = coreSession;
    sockets.opened();
    session = Failures.guarded(chat.open(new JettyCoreConnection(coreSession, encoded, remoteAddress)));
    text = new StringMessageSink(coreSession, message -> {
      session.receive((String) message[0]);
      return null;
    }, true);
    callback.succeeded();
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    switch (frame.getOpCode()) {
      case OpCode.TEXT -> {
        binary = false;
        text.accept(frame, callback);
      }
      case OpCode.CONTINUATION -> {
        if (binary) {
          next(callback);
        } else {
          text.accept(frame, callback);
        }
      }
      case OpCode.BINARY -> {
        binary = true;
        session.close(CloseCode.BINARY_FRAME, "binary frames are not supported");
        next(callback);
      }
      case OpCode.PING -> core.sendFrame(new Frame(OpCode.PONG, true, frame.getPayload()),
          Callback.from(core::demand, callback), false);
      case OpCode.PONG -> {
        session.pong();
        next(callback);
      }
      default -> callback.succeeded(); // CLOSE: the core answers it and then calls onClosed
    }
  }

  /** Done with this frame; ready for the next one. */
  private void next(Callback callback) {
    callback.succeeded();
    core.demand();
  }

  /**
   * Jetty reports here what it closes the connection for (1009, 1007, a broken pipe): the client's
   * doing or the network's, so DEBUG; the close follows through {@link #onClosed}. A failure of the
   * chat itself never comes here: {@link Failures#guarded} logs it at WARN and closes with 1011.
   */
  @Override
  public void onError(Throwable cause, Callback callback) {
    LOG.log(System.Logger.Level.DEBUG, "websocket error from " + remoteAddress + ": " + cause);
    callback.succeeded();
  }

  @Override
  public void onClosed(CloseStatus closeStatus, Callback callback) {
    if (session != null) {
      session.closed();
      sockets.closed();
    }
    callback.succeeded();
  }
}
