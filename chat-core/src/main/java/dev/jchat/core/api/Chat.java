package dev.jchat.core.api;

import dev.jchat.core.port.Connection;

/**
 * The chat as a transport sees it: the one interface a transport calls, whatever its server library.
 * Thread-safe: {@link #open} may be called from any number of threads at once.
 */
public interface Chat {

  /**
   * A new connection, before any of its frames: the client must authenticate within the auth
   * timeout. Called once per connection; the core writes to it through {@code connection} from now on.
   * After {@link #shutdown} the connection is closed with 1001 at once.
   */
  ClientSession open(Connection connection);

  /** Stops taking connections and closes every open one with 1001. Idempotent; does not wait. */
  void shutdown();

  /** The connections open now, for health and metrics. */
  int connectionCount();
}
