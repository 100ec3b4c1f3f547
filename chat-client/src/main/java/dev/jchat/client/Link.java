package dev.jchat.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection on the Jakarta client API. It does nothing on the socket's threads but
 * hand each text frame on, and reports its end once, whatever ended it.
 */
final class Link extends Endpoint {
  /** What the link reports, from the socket's threads: implementations only queue the news. */
  interface Events {
    /** The handshake is done: the link takes frames. */
    void onOpen(Link link);

    void onFrame(Link link, String text);

    /** The link ended; {@code closeCode} is the close frame's code, or 1006 when there was none. */
    void onEnd(Link link, int closeCode);
  }

  static final int ABNORMAL = CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode();
  /**
   * Tyrus sends the server's own address as {@code Origin}; a server's allow-list is for browsers'
   * pages and would refuse it. Without the header the upgrade is a non-browser client's (PROTOCOL.md 1).
   */
  private static final ClientEndpointConfig.Configurator NO_ORIGIN = new ClientEndpointConfig.Configurator() {
    @Override
    public void beforeRequest(Map<String, List<String>> headers) {
      headers.keySet().removeIf(name -> name.equalsIgnoreCase("Origin"));
    }
  };

  private final Events events;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Session session;

  Link(Events events) {
    this.events = events;
  }

  /** Opens the socket; blocks until the handshake is done, and reports the end when it fails. */
  void connect(WebSocketContainer container, URI uri) {
    try {
      container.connectToServer(this, ClientEndpointConfig.Builder.create().configurator(NO_ORIGIN).build(), uri);
    } catch (DeploymentException | IOException | RuntimeException e) {
      end(ABNORMAL);
    }
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    this.session = session;
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> events.onFrame(this, text));
    events.onOpen(this);
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    end(reason.getCloseCode().getCode());
  }

  @Override
  public void onError(Session session, Throwable error) {
    end(ABNORMAL);
  }

  /** Queues a text frame; a write that fails ends the link (and whoever hears of the end closes it). */
  void send(String text) {
    Session open = session;
    if (open == null || !open.isOpen()) {
      return;
    }
    open.getAsyncRemote().sendText(text, result -> {
      if (!result.isOK()) {
        end(ABNORMAL);
      }
    });
  }

  /** Closes the socket (it may block while the close frame is written). */
  void close() {
    Session open = session;
    try {
      if (open != null && open.isOpen()) {
        open.close();
      }
    } catch (IOException | IllegalStateException e) {
      // it is gone either way
    }
  }

  private void end(int closeCode) {
    if (ended.compareAndSet(false, true)) {
      events.onEnd(this, closeCode);
    }
  }
}
