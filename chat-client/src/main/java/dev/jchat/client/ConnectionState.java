package dev.jchat.client;

/** Where the client's connection stands. The last two are final: the client no longer reconnects. */
public enum ConnectionState {
  /** Not connected yet: {@code connect} was not called. */
  NEW,
  /** Opening the socket and authenticating. */
  CONNECTING,
  /** Authenticated, every joined room rejoined. */
  CONNECTED,
  /** The connection was lost; the next attempt waits for its backoff. */
  RECONNECTING,
  /** The server refused the token and no new one could be had: the client stopped. */
  AUTH_FAILED,
  /** {@code close} was called. */
  CLOSED
}
