package dev.jchat.core.port;

import java.util.List;

/**
 * The transport's side of one WebSocket connection. The core never calls {@link #send} again before
 * the previous send has completed, and calls nothing here while holding a lock of its own that a
 * transport callback could need.
 */
public interface Connection {

  /**
   * Writes these text frames (one or more), in order, without blocking, in as few socket writes as
   * the transport can, and reports the outcome exactly once. The list is the transport's from now on.
   */
  void send(List<String> frames, SendCallback done);

  /** Sends a WebSocket ping frame; failures are ignored (the idle timeout handles dead peers). */
  void ping();

  /** Starts a close handshake with the code; does not wait. */
  void close(int code, String reason);

  /** Drops the TCP connection at once, without a close handshake. */
  void abort();

  /** The peer's address, for logs. */
  String remoteAddress();

  /** The {@code Origin} of the upgrade request, for logs; null when there was none or it is not known. */
  default String origin() {
    return null;
  }

  interface SendCallback {
    void sent();

    void failed(Throwable cause);
  }
}
