package dev.jchat.core.chat;

import dev.jchat.core.chat.ChatSettings.OutboxBounds;
import dev.jchat.core.domain.FrameSize;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded outgoing queue of one connection. Whatever queued while a write was in flight goes out
 * in the next write, all at once, so a busy connection gets fewer, larger writes; nothing blocks the
 * caller. A full queue means the client does not read, and the outbox gives up on it. Thread-safe.
 * Its listener is called without any of the outbox's locks held.
 */
final class Outbox {

  /** What the session needs to hear from its outbox. */
  interface Listener {
    void overflowed();

    void sendFailed(Throwable cause);
  }

  private final Connection connection;
  private final OutboxBounds bounds;
  private final Listener listener;
  private final ChatMetrics metrics;

  private List<String> queue = new ArrayList<>();
  private long queuedBytes;
  private boolean writing;
  private boolean shut;
  private Runnable afterDrain;

  Outbox(Connection connection, OutboxBounds bounds, Listener listener, ChatMetrics metrics) {
    this.connection = connection;
    this.bounds = bounds;
    this.listener = listener;
    this.metrics = metrics;
  }

  /** Queues a frame and starts writing; false when the outbox is shut or just overflowed (then it is shut). */
  boolean offer(String frame) {
    if (!hold(frame, FrameSize.utf8Bytes(frame))) {
      return false;
    }
    flush();
    return true;
  }

  /**
   * Queues a frame of {@code bytes} UTF-8 bytes for the next {@link #flush}; false when the outbox is
   * shut or just overflowed.
   */
  boolean hold(String frame, int bytes) {
    synchronized (this) {
      if (shut) {
        return false;
      }
      if (queue.size() < bounds.maxFrames() && queuedBytes + bytes <= bounds.maxBytes()) {
        queue.add(frame);
        queuedBytes += bytes;
        return true;
      }
      shut = true;
      queue.clear();
      queuedBytes = 0;
    }
    listener.overflowed();
    return false;
  }

  /** Writes the queued frames, unless a write is in flight: its completion writes them. */
  void flush() {
    synchronized (this) {
      if (writing || queue.isEmpty()) {
        return;
      }
      writing = true;
    }
    pump();
  }

  /** Takes no more frames; runs {@code then} once every queued frame is written (or at once). */
  void finish(Runnable then) {
    synchronized (this) {
      if (shut && afterDrain != null) {
        return;
      }
      shut = true;
      afterDrain = then;
      if (writing) {
        return; // the write in flight pumps the rest, then runs it
      }
      writing = true;
    }
    pump();
  }

  /** Drops every queued frame and takes no more. */
  void discard() {
    synchronized (this) {
      shut = true;
      queue.clear();
      queuedBytes = 0;
      afterDrain = null;
    }
  }

  /**
   * Hands everything queued to the connection in one send, until the queue is empty or a send is
   * still in flight. A send that completes synchronously continues this loop instead of recursing,
   * so the stack stays flat.
   */
  private void pump() {
    while (true) {
      List<String> frames;
      Runnable drained = null;
      synchronized (this) {
        frames = queue;
        if (frames.isEmpty()) {
          writing = false;
          drained = afterDrain;
          afterDrain = null;
        } else {
          queue = new ArrayList<>();
          queuedBytes = 0;
        }
      }
      if (frames.isEmpty()) {
        if (drained != null) {
          drained.run();
        }
        return;
      }
      Write write = new Write();
      metrics.framesWritten(frames.size());
      connection.send(frames, write);
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
