package dev.jchat.jakarta.tyrus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A close the server starts on standalone Tyrus, done as RFC 6455 section 7.1.1 asks: the Close frame
 * goes out, then what the client still sends is read and dropped until its own Close comes (or it
 * closes the connection), for at most {@link #LINGER_MILLIS} and {@link #MAX_DISCARDED_BYTES}, and
 * only then is the TCP connection closed.
 *
 * <p>Tyrus closes the TCP connection as soon as it has written its Close: a client still writing then
 * meets a closed socket, the kernel answers with a reset, and the client loses the Close frame (it
 * sees 1006). So this writes the Close frame itself, on the Grizzly connection under the session, and
 * Tyrus hears of the end from Grizzly, like any other close.
 */
final class LingeringClose {
  static final long LINGER_MILLIS = 2_000;
  /** Room for the rest of a refused oversized frame still arriving (1 MiB in the tests), and what follows it. */
  static final long MAX_DISCARDED_BYTES = 2 * 1024 * 1024;
  private static final int MAX_REASON_BYTES = 123;

  private final Connection<?> connection;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong discarded = new AtomicLong();

  LingeringClose(Connection<?> connection) {
    this.connection = connection;
  }

  /** Sends the Close with the code and starts lingering; only the first call does anything. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // Grizzly's write is typed by the connection's address type, unknown here
  void start(int code, String reason) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture.delayedExecutor(LINGER_MILLIS, TimeUnit.MILLISECONDS).execute(connection::terminateSilently);
    Buffer frame = Buffers.wrap(connection.getMemoryManager(), closeFrame(code, reason));
    ((Connection) connection).write(frame, new EmptyCompletionHandler<>() {
      @Override
      public void failed(Throwable failure) {
        connection.terminateSilently();
      }
    });
  }

  /** Whether the Close has gone out or is going: what the client sends now is only dropped. */
  boolean isClosing() {
    return started.get();
  }

  /**
   * Drops what was read while closing; once the client's Close is in, closes the connection after
   * what is being written, and past the bound drops it.
   */
  void discard(Buffer content, boolean clientClosed) {
    if (clientClosed) {
      connection.closeSilently();
    } else if (discarded.addAndGet(content.remaining()) > MAX_DISCARDED_BYTES) {
      connection.terminateSilently();
    }
    content.position(content.limit());
  }

  /** An unmasked Close frame, as a server sends it: the code, then the reason (ours are short ASCII). */
  private static ByteBuffer closeFrame(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    int reasonBytes = Math.min(text.length, MAX_REASON_BYTES);
    ByteBuffer frame = ByteBuffer.allocate(4 + reasonBytes);
    frame.put((byte) 0x88).put((byte) (2 + reasonBytes)).putShort((short) code).put(text, 0, reasonBytes);
    return frame.flip();
  }
}
