package dev.jchat.bench.net;

import java.net.URI;

/** Opens WebSocket connections; each one lives on the loop this connector assigns to it. */
public interface Connector extends AutoCloseable {
  /** Starts connecting; the listener hears {@code onOpen} or {@code onClose} later. */
  void connect(URI uri, EventLoop loop, WebSocketListener listener);

  /** The loops that run timers (and, for the NIO client, the sockets), one per core by default. */
  EventLoop[] loops();

  String name();

  @Override
  void close();
}
