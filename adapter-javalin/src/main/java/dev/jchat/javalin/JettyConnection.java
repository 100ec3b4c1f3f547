package dev.jchat.javalin;

import dev.jchat.core.port.Connection;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/** The core's view of a Jetty WebSocket session: every call is asynchronous. */
final class JettyConnection implements Connection {
  private final Session session;
  private final CoreSession frames;
  private final String remoteAddress;

  /**
   * Text frames go out through Jetty's core session, because its API session writes every frame
   * with a socket write of its own, while the core session gathers frames marked as a batch into
   * one write that the last, unbatched frame flushes.
   */
  JettyConnection(Session session, String remoteAddress) {
    this.session = session;
    this.frames = ((WebSocketSession) session).getCoreSession();
    this.remoteAddress = remoteAddress;
  }

  @Override
  public void send(List<String> texts, SendCallback done) {
    int last = texts.size() - 1;
    for (int i = 0; i < last; i++) {
      frames.sendFrame(text(texts.get(i)), org.eclipse.jetty.util.Callback.NOOP, true); // the last one fails too
    }
    frames.sendFrame(text(texts.get(last)), org.eclipse.jetty.util.Callback.from(done::sent, done::failed), false);
  }

  private static Frame text(String text) {
    return new Frame(OpCode.TEXT).setPayload(text);
  }

  @Override
  public void ping() {
    session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
  }

  @Override
  public void close(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
  }

  @Override
  public void abort() {
    session.disconnect();
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }
}
