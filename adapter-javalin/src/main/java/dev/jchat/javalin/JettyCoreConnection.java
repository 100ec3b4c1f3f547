package dev.jchat.javalin;

import dev.jchat.core.port.Connection;
import dev.jchat.wire.EncodedFrames;
import java.util.List;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/** The core's view of a Jetty core WebSocket session: every call is asynchronous. */
final class JettyCoreConnection implements Connection {
  private final CoreSession session;
  private final EncodedFrames encoded;
  private final LingeringClose closing;
  private final String remoteAddress;
  private final String origin;

  JettyCoreConnection(CoreSession session, EncodedFrames encoded, LingeringClose closing, String remoteAddress,
                      String origin) {
    this.session = session;
    this.encoded = encoded;
    this.closing = closing;
    this.remoteAddress = remoteAddress;
    this.origin = origin;
  }

  /**
   * Frames sent as a batch wait in Jetty's flusher, and the last one, sent without, writes them all
   * in one socket write. A failure fails what follows it, so only the last frame reports.
   */
  @Override
  public void send(List<String> frames, SendCallback done) {
    int last = frames.size() - 1;
    for (int i = 0; i < last; i++) {
      session.sendFrame(textFrame(frames.get(i)), Callback.NOOP, true);
    }
    session.sendFrame(textFrame(frames.get(last)), Callback.from(done::sent, done::failed), false);
  }

  private Frame textFrame(String text) {
    return new Frame(OpCode.TEXT, true, encoded.utf8(text));
  }

  @Override
  public void ping() {
    session.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
  }

  @Override
  public void close(int code, String reason) {
    closing.start(code, reason);
  }

  @Override
  public void abort() {
    session.abort();
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public String origin() {
    return origin;
  }
}
