package dev.jchat.client;

/**
 * Told each change of the connection's state, in order, on a thread of the client's that calls no
 * other listener. {@code session} is the new session when the state is {@code CONNECTED}, else null.
 */
@FunctionalInterface
public interface ConnectionListener {
  void onState(ConnectionState state, Session session);
}
