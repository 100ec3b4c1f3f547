package dev.jchat.bench.net;

/** The generator's side of one WebSocket connection. Text only; pings are answered by the socket itself. */
public interface WebSocket {
  /** Queues one text frame; safe from any thread, never blocks. */
  void sendText(String text);

  /** Sends a close frame with {@code code} and drops the connection without waiting for the answer. */
  void close(int code);

  /** Frames queued but not yet taken by the kernel (a sign that the server does not read). */
  int pendingFrames();
}
