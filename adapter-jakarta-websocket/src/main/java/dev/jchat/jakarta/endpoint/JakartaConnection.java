package dev.jchat.jakarta.endpoint;

import dev.jchat.core.port.Connection;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The core's view of a Jakarta WebSocket session. Text frames go out through the asynchronous
 * remote endpoint, one at a time; pings and closes, which the API only offers as
 * blocking calls, run on {@link ControlFrames}.
 */
final class JakartaConnection implements Connection {
  private static final System.Logger LOG = System.getLogger(JakartaConnection.class.getName());
  private static final ByteBuffer NO_PAYLOAD = ByteBuffer.allocate(0);
  private static final int MAX_REASON_BYTES = 123;

  private final Session session;
  private final Peer peer;
  private final ControlFrames control;
  private final AtomicBoolean pinging = new AtomicBoolean();

  JakartaConnection(Session session, Peer peer, ControlFrames control) {
    this.session = session;
    this.peer = peer;
    this.control = control;
  }

  @Override
  public void send(List<String> frames, SendCallback done) {
    new FrameChain(frames.iterator(), done).sendNext();
  }

  /**
   * Sends frames one after the other: the API takes one per call, and some containers refuse a send
   * while the previous one is in flight. A send that completes inline continues the loop rather than
   * recursing, so the stack stays flat however many frames there are.
   */
  private final class FrameChain implements SendHandler {
    private final Iterator<String> frames;
    private final SendCallback done;
    private boolean sending;
    private boolean completedInline;

    FrameChain(Iterator<String> frames, SendCallback done) {
      this.frames = frames;
      this.done = done;
    }

    void sendNext() {
      while (frames.hasNext()) {
        synchronized (this) {
          sending = true;
          completedInline = false;
        }
        try {
          session.getAsyncRemote().sendText(frames.next(), this);
        } catch (RuntimeException e) { // the session closed under us
          done.failed(e);
          return;
        }
        synchronized (this) {
          sending = false;
          if (!completedInline) {
            return; // onResult goes on when the write completes
          }
        }
      }
      done.sent();
    }

    @Override
    public void onResult(SendResult result) {
      if (!result.isOK()) {
        done.failed(result.getException());
        return;
      }
      synchronized (this) {
        if (sending) {
          completedInline = true;
          return;
        }
      }
      sendNext();
    }
  }

  /** At most one ping per connection is waiting; a second one while it waits is skipped. */
  @Override
  public void ping() {
    if (!pinging.compareAndSet(false, true)) {
      return;
    }
    control.ping(() -> {
      try {
        session.getAsyncRemote().sendPing(NO_PAYLOAD.duplicate());
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, "ping failed: " + e);
      } finally {
        pinging.set(false);
      }
    });
  }

  @Override
  public void close(int code, String reason) {
    control.close(() -> peer.close(code, shorten(reason)));
  }

  /** Off the caller's thread too: where the container has no abort, the close it falls back to may block. */
  @Override
  public void abort() {
    control.close(peer::abort);
  }

  @Override
  public String remoteAddress() {
    return peer.address();
  }

  /** A close reason holds at most 123 bytes of UTF-8; ours are short ASCII sentences. */
  private static String shorten(String reason) {
    return reason.length() <= MAX_REASON_BYTES ? reason : reason.substring(0, MAX_REASON_BYTES);
  }
}
