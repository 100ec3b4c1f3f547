package dev.jchat.core.testing;

import dev.jchat.core.port.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection that records what the core writes. Writes complete at once unless the connection is
 * {@link #stall() stalled}, as a socket whose client stopped reading would be.
 */
public final class RecordingConnection implements Connection {
  private final List<String> frames = new ArrayList<>();
  private final List<List<String>> writes = new ArrayList<>();
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
    writes.add(List.copyOf(written));
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

  /** The frames of the last send, empty before the first. */
  public synchronized List<String> lastWrite() {
    return writes.isEmpty() ? List.of() : writes.get(writes.size() - 1);
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
