package dev.jchat.core.port;

import dev.jchat.core.domain.CloseCode;

/**
 * What the chat counts for operators (a Prometheus registry in the app). Every method may be called
 * from any thread, often, on hot paths: implementations only count. The defaults count nothing.
 */
public interface ChatMetrics {
  /** Counts nothing: for embedders who do not want metrics, and for tests. */
  ChatMetrics NONE = new ChatMetrics() {
  };

  /** A text frame came from a client. */
  default void frameReceived() {
  }

  /** Frames went to a connection in one send. */
  default void framesWritten(int frames) {
  }

  /** A message was stored, {@code ackNanos} after its send arrived, and acknowledged. */
  default void messageStored(long ackNanos) {
  }

  /** A room event was queued for this many local members. */
  default void delivered(int recipients) {
  }

  /** The store wrote a batch of this many messages in one transaction. */
  default void batchStored(int messages) {
  }

  /** The store could not take a request (a send, a history read). */
  default void storeFailed() {
  }

  /** A request was answered rate_limited. */
  default void rateLimited() {
  }

  /** A connection's token was refused. */
  default void authFailed() {
  }

  /** The server closed a connection with this code. */
  default void closed(CloseCode code) {
  }
}
