package dev.jchat.core.testing;

import dev.jchat.core.port.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A connection that records what the core writes. Writes complete at once unless the connection is
 * {@link #stall() stalled}, as a socket whose client stopped reading would be.
 */
public final class RecordingConnection implements Connection {
  private final List<String> frames = new ArrayList<>();
  private final List<Write> writes = new ArrayList<>();
  private final List<SendCallback> pending = new ArrayList<>();
  private boolean stalled;
  private Integer closeCode;
  private boolean aborted;
  private int pings;

  @Override
  public synchronized void send(List<String> written, SendCallback done) {
    if (stalled) {
      pending.add(done);
      return;
    }
    frames.addAll(written);
    writes.add(new Write(System.nanoTime(), List.copyOf(written)));
    notifyAll();
    done.sent();
  }

  @Override
  public synchronized void ping() {
    pings++;
  }

  @Override
  public synchronized void close(int code, String reason) {
    if (closeCode == null) {
      closeCode = code;
    }
  }

  @Override
  public synchronized void abort() {
    aborted = true;
  }

  @Override
  public String remoteAddress() {
    return "127.0.0.1";
  }

  public synchronized void stall() {
    stalled = true;
  }

  public synchronized List<String> frames() {
    return List.copyOf(frames);
  }

  /** How many sends the core made; each is one socket write on a transport that batches. */
  public synchronized int writes() {
    return writes.size();
  }

  /** One send: when it was made ({@link System#nanoTime}) and its frames. */
  public record Write(long nanos, List<String> frames) {
  }

  /** Waits, at most the timeout, for the first send with a frame that matches; empty if none came. */
  public synchronized Optional<Write> awaitWrite(Predicate<String> frame, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Write> found = writes.stream().filter(write -> write.frames().stream().anyMatch(frame)).findFirst();
      long left = deadline - System.nanoTime();
      if (found.isPresent() || left <= 0) {
        return found;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  public synchronized Integer closeCode() {
    return closeCode;
  }

  public synchronized boolean aborted() {
    return aborted;
  }

  public synchronized int pings() {
    return pings;
  }
}
