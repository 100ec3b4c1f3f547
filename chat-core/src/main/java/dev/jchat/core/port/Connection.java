package dev.jchat.core.port;

/**
 * The transport's side of one WebSocket connection. The core never calls {@link #send} again before
 * the previous send has completed, and calls nothing here while holding a lock of its own that a
 * transport callback could need.
 */
public interface Connection {

  /** Writes one text frame without blocking and reports the outcome exactly once. */
  void send(String frame, SendCallback done);

  /** Sends a WebSocket ping frame; failures are ignored (the idle timeout handles dead peers). */
  void ping();

  /** Starts a close handshake with the code; does not wait. */
  void close(int code, String reason);

  /** Drops the TCP connection at once, without a close handshake. */
  void abort();

  /** The peer's address, for rate limits and logs. */
  String remoteAddress();

  interface SendCallback {
    void sent();

    void failed(Throwable cause);
  }
}
