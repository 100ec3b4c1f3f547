package dev.jchat.socketio;

import dev.jchat.core.domain.CloseCode;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;

/**
 * Engine.IO's WebSocket transport on Jetty's core WebSocket API: a session of its own (opened over
 * WebSocket), or the upgrade of a long-polling one (it probes first). Each text message is one
 * Engine.IO packet; Jetty's message sink refuses one over the limit or not UTF-8, which the core then
 * closes as on /ws.
 */
final class SocketIoFrameHandler implements FrameHandler, Link.Socket {
  private final EngineSockets sockets;
  private final String remoteAddress;
  private final String origin;
  private EngineSocket engine;
  private CoreSession core;
  private StringMessageSink text;

  /** {@code upgrading} is the long-polling session this socket probes for, or null for a session of its own. */
  SocketIoFrameHandler(EngineSockets sockets, EngineSocket upgrading, String remoteAddress, String origin) {
    this.sockets = sockets;
    this.engine = upgrading;
    this.remoteAddress = remoteAddress;
    this.origin = origin;
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    core = coreSession;
    text = new StringMessageSink(coreSession, message -> {
      engine.receiveFromSocket(this, (String) message[0]);
      return null;
    }, true);
    callback.succeeded();
    if (engine == null) {
      engine = sockets.open(this, remoteAddress, origin);
    } else if (!engine.probeWith(this)) {
      close();
      return;
    }
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    switch (frame.getOpCode()) {
      case OpCode.TEXT, OpCode.CONTINUATION -> text.accept(frame, refusingBadText(callback));
      case OpCode.BINARY -> {
        engine.refuse(CloseCode.BINARY_FRAME, "binary packets are not supported");
        next(callback);
      }
      case OpCode.PING -> core.sendFrame(new Frame(OpCode.PONG, true, frame.getPayload()),
          Callback.from(core::demand, callback), false);
      case OpCode.PONG -> next(callback);
      default -> callback.succeeded(); // CLOSE: the core answers it and then calls onClosed
    }
  }

  /**
   * A message over the limit or not UTF-8 is refused by the chat, which closes after what is queued.
   * After a frame it took, the sink demands the next one itself.
   */
  private Callback refusingBadText(Callback callback) {
    return Callback.from(callback::succeeded, failure -> {
      if (failure instanceof MessageTooLargeException) {
        engine.refuse(CloseCode.TOO_BIG, "packet over 16 KiB");
      } else if (failure instanceof BadPayloadException) {
        engine.refuse(CloseCode.INVALID_UTF8, "text is not UTF-8");
      } else {
        callback.failed(failure);
        return;
      }
      next(callback);
    });
  }

  private void next(Callback callback) {
    callback.succeeded();
    core.demand();
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    callback.succeeded(); // the close follows through onClosed
  }

  @Override
  public void onClosed(CloseStatus closeStatus, Callback callback) {
    if (engine != null) {
      engine.socketClosed(this);
    }
    callback.succeeded();
  }

  /** Frames sent as a batch wait in Jetty's flusher; the last one, sent without, writes them all at once. */
  @Override
  public void write(List<ByteBuffer> packets, Callback done) {
    int last = packets.size() - 1;
    for (int i = 0; i < last; i++) {
      core.sendFrame(new Frame(OpCode.TEXT, true, packets.get(i)), Callback.NOOP, true);
    }
    core.sendFrame(new Frame(OpCode.TEXT, true, packets.get(last)), done, false);
  }

  @Override
  public void close() {
    core.close(CloseStatus.NORMAL, "", Callback.NOOP);
  }

  @Override
  public void abort() {
    core.abort();
  }
}
