package dev.jchat.socketio;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.util.Callback;

/** Where an Engine.IO session's packets go: one long-polling response, or a WebSocket. */
interface Link {

  /** Writes the packets (UTF-8, each a whole Engine.IO packet) without blocking; {@code done} reports once. */
  void write(List<ByteBuffer> packets, Callback done);

  /** A WebSocket, which outlives one write and has to be closed. */
  interface Socket extends Link {

    /** Starts a normal close handshake; the end is reported when the socket has closed. */
    void close();

    /** Drops the connection at once. */
    void abort();
  }
}
