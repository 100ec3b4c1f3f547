package dev.jchat.javalin;

import dev.jchat.core.api.Chat;
import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.wire.EncodedFrames;
import dev.jchat.wire.Failures;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;

/**
 * One WebSocket connection on Jetty's core WebSocket API (a {@link FrameHandler}, below Jetty's
 * WebSocket API for applications): hands text messages to the core, answers pings and reports pongs
 * as signs of life, which only this level of the API lets us see. Jetty's message sink assembles the
 * text; what it refuses (1009 over 16 KiB, 1007 for invalid UTF-8) the chat closes with a
 * {@link LingeringClose}, like every close the server starts. It keeps nothing of the upgrade
 * request, so that once upgraded a connection holds only Jetty's WebSocket state and ours.
 */
final class JettyCoreFrameHandler implements FrameHandler {
  private static final System.Logger LOG = System.getLogger(JettyCoreFrameHandler.class.getName());

  private final Chat chat;
  private final OpenSockets sockets;
  private final EncodedFrames encoded;
  private final Scheduler scheduler;
  private final String remoteAddress;
  private final String origin;
  private volatile ClientSession session;
  private CoreSession core;
  private LingeringClose closing;
  private StringMessageSink text;
  /** Whether the data message in progress is binary, which its continuation frames then are too. */
  private boolean binary;

  JettyCoreFrameHandler(Chat chat, OpenSockets sockets, EncodedFrames encoded, Scheduler scheduler,
                        String remoteAddress, String origin) {
    this.chat = chat;
    this.sockets = sockets;
    this.encoded = encoded;
    this.scheduler = scheduler;
    this.remoteAddress = remoteAddress;
    this.origin = origin;
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    core = coreSession;
    closing = new LingeringClose(coreSession, scheduler);
    sockets.opened();
    session = Failures.guarded(chat.open(new JettyCoreConnection(coreSession, encoded, closing, remoteAddress, origin)));
    text = new StringMessageSink(coreSession, message -> {
      session.receive((String) message[0]);
      return null;
    }, true);
    callback.succeeded();
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    if (closing.isClosing() && frame.getOpCode() != OpCode.CLOSE) {
      closing.discard(frame); // our Close is out: read and drop until the client's comes
      next(callback);
      return;
    }
    switch (frame.getOpCode()) {
      case OpCode.TEXT -> {
        binary = false;
        text.accept(frame, refusingBadText(callback));
      }
      case OpCode.CONTINUATION -> {
        if (binary) {
          next(callback);
        } else {
          text.accept(frame, refusingBadText(callback));
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

  /**
   * The sink's verdict on a text frame: a message over 16 KiB (1009) or not UTF-8 (1007) is refused
   * by the chat, which closes with the code and lingers, instead of Jetty dropping the connection.
   */
  private Callback refusingBadText(Callback callback) {
    return Callback.from(callback::succeeded, failure -> {
      if (failure instanceof MessageTooLargeException) {
        session.close(CloseCode.TOO_BIG, "frame over 16 KiB");
      } else if (failure instanceof BadPayloadException) {
        session.close(CloseCode.INVALID_UTF8, "text is not UTF-8");
      } else {
        callback.failed(failure);
        return;
      }
      next(callback);
    });
  }

  /** Done with this frame; ready for the next one. */
  private void next(Callback callback) {
    callback.succeeded();
    core.demand();
  }

  /**
   * Jetty reports here what it closes the connection for (a protocol error, a broken pipe): the client's
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
    closing.ended();
    if (session != null) {
      session.closed();
      sockets.closed();
    }
    callback.succeeded();
  }
}
