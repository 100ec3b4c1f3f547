package dev.jchat.javalin;

import dev.jchat.core.port.Connection;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** The core's view of a Jetty WebSocket session: every call is asynchronous. */
final class JettyConnection implements Connection {
  private final Session session;
  private final String remoteAddress;

  JettyConnection(Session session, String remoteAddress) {
    this.session = session;
    this.remoteAddress = remoteAddress;
  }

  @Override
  public void send(String frame, SendCallback done) {
    session.sendText(frame, Callback.from(done::sent, done::failed));
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
