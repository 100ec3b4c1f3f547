package dev.jchat.bench.net;

/**
 * What a connection reports. Calls for one connection never overlap and come in order; the text
 * arrives as UTF-8 bytes in a buffer that is reused after the call returns.
 */
public interface WebSocketListener {
  void onOpen(WebSocket socket);

  void onText(WebSocket socket, byte[] buffer, int offset, int length);

  /** Exactly once per connection: the close code the server sent, or 1006 when the connection broke or never opened. */
  void onClose(WebSocket socket, int code, String reason);
}
