package dev.jchat.core.chat;

import dev.jchat.core.port.Connection;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded outgoing queue of one connection. Frames are written one at a time without blocking
 * the caller; a full queue means the client does not read, and the outbox gives up on it.
 * Thread-safe. Its listener is called without any of the outbox's locks held.
 */
final class Outbox {

  /** What the session needs to hear from its outbox. */
  interface Listener {
    void overflowed();

    void sendFailed(Throwable cause);
  }

  private final Connection connection;
  private final int maxFrames;
  private final long maxChars;
  private final Listener listener;

  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private long queuedChars;
  private boolean writing;
  private boolean shut;
  private Runnable afterDrain;

  Outbox(Connection connection, int maxFrames, long maxChars, Listener listener) {
    this.connection = connection;
    this.maxFrames = maxFrames;
    this.maxChars = maxChars;
    this.listener = listener;
  }

  /** Queues a frame; false when the outbox is shut or just overflowed (then it is shut). */
  boolean offer(String frame) {
    synchronized (this) {
      if (shut) {
        return false;
      }
      if (queue.size() >= maxFrames || queuedChars + frame.length() > maxChars) {
        shut = true;
        queue.clear();
        queuedChars = 0;
      } else {
        queue.add(frame);
        queuedChars += frame.length();
        if (writing) {
          return true;
        }
        writing = true;
        frame = null;
      }
    }
    if (frame != null) {
      listener.overflowed();
      return false;
    }
    pump();
    return true;
  }

  /** Takes no more frames; runs {@code then} once every queued frame is written (or at once). */
  void finish(Runnable then) {
    boolean now;
    synchronized (this) {
      if (shut && afterDrain != null) {
        return;
      }
      shut = true;
      now = !writing;
      if (!now) {
        afterDrain = then;
      }
    }
    if (now) {
      then.run();
    }
  }

  /** Drops every queued frame and takes no more. */
  void discard() {
    synchronized (this) {
      shut = true;
      queue.clear();
      queuedChars = 0;
      afterDrain = null;
    }
  }

  /**
   * Writes queued frames until the queue is empty or a write is still in flight. A write that
   * completes synchronously continues this loop instead of recursing, so the stack stays flat.
   */
  private void pump() {
    while (true) {
      String frame;
      Runnable drained = null;
      synchronized (this) {
        frame = queue.poll();
        if (frame == null) {
          writing = false;
          drained = afterDrain;
          afterDrain = null;
        } else {
          queuedChars -= frame.length();
        }
      }
      if (frame == null) {
        if (drained != null) {
          drained.run();
        }
        return;
      }
      Write write = new Write();
      connection.send(frame, write);
      if (write.state.compareAndSet(PENDING, RETURNED)) {
        return; // the write completes later and its callback resumes pumping
      }
      if (write.state.get() == FAILED) {
        return;
      }
    }
  }

  private static final int PENDING = 0;
  private static final int RETURNED = 1;
  private static final int DONE = 2;
  private static final int FAILED = 3;

  private final class Write implements Connection.SendCallback {
    final AtomicInteger state = new AtomicInteger(PENDING);

    @Override
    public void sent() {
      if (!state.compareAndSet(PENDING, DONE)) {
        pump();
      }
    }

    @Override
    public void failed(Throwable cause) {
      state.set(FAILED);
      discard();
      listener.sendFailed(cause);
    }
  }
}
