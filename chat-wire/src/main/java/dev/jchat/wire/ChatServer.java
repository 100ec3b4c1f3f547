package dev.jchat.wire;

/** A transport serving {@link Endpoints} on a port; closing it stops taking connections and ends it. */
public interface ChatServer extends AutoCloseable {

  int port();

  /** Closes every socket with 1001, then stops the server. Idempotent. */
  @Override
  void close();
}
