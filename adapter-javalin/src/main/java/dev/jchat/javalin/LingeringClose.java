package dev.jchat.javalin;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * A close the server starts, done as RFC 6455 section 7.1.1 asks: send the Close frame, then keep
 * reading (and dropping) what the client still sends until its own Close comes, for at most
 * {@link #LINGER} and {@link #MAX_DISCARDED_BYTES}, and only then drop the TCP connection.
 *
 * <p>Jetty ends the TCP connection as soon as it has written a Close whose code it counts as
 * abnormal (1001 to 2999: our 1001, 1003, 1007, 1008, 1009, 1011). A client still writing then meets
 * unread data on a closed socket, the kernel answers with a reset, and the client loses the Close
 * frame: it sees 1006 and cannot tell a refusal from a network fault. So the Close goes out as a frame
 * whose code Jetty's state machine reads as an orderly one, while its payload carries the real code:
 * Jetty then waits for the client's Close like web servers do with a lingering close.
 */
final class LingeringClose {
  static final Duration LINGER = Duration.ofSeconds(2);
  static final long MAX_DISCARDED_BYTES = 1024 * 1024;

  private final CoreSession session;
  private final Scheduler scheduler;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong discarded = new AtomicLong();
  private volatile Scheduler.Task deadline;

  LingeringClose(CoreSession session, Scheduler scheduler) {
    this.session = session;
    this.scheduler = scheduler;
  }

  /** Sends the Close with the code and starts lingering; only the first call does anything. */
  void start(int code, String reason) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    deadline = scheduler.schedule(session::abort, LINGER.toMillis(), TimeUnit.MILLISECONDS);
    session.sendFrame(new CloseFrame(code, reason), Callback.NOOP, false);
  }

  /** Whether the server has sent its Close: what comes from the client now is only read and dropped. */
  boolean isClosing() {
    return started.get();
  }

  /** Counts a frame read and dropped while closing; past the bound, the connection is dropped. */
  void discard(Frame frame) {
    if (discarded.addAndGet(frame.getPayloadLength()) > MAX_DISCARDED_BYTES) {
      session.abort();
    }
  }

  /** The connection has ended: no deadline to keep. */
  void ended() {
    Scheduler.Task pending = deadline;
    if (pending != null) {
      pending.cancel();
    }
  }

  /** A Close frame carrying {@code code} that Jetty's state machine treats as an orderly close. */
  private static final class CloseFrame extends Frame implements CloseStatus.Supplier {
    CloseFrame(int code, String reason) {
      super(OpCode.CLOSE, true, payload(code, reason));
    }

    private static ByteBuffer payload(int code, String reason) {
      return CloseStatus.asPayloadBuffer(code, reason);
    }

    @Override
    public CloseStatus getCloseStatus() {
      return new CloseStatus(CloseStatus.NORMAL, "closing");
    }
  }
}
