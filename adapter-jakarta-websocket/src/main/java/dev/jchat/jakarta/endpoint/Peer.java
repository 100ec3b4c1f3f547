package dev.jchat.jakarta.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;

/**
 * The TCP connection under one WebSocket session, as far as the container lets us reach it: the
 * Jakarta WebSocket API has neither the peer's address nor a way to drop a connection.
 */
public interface Peer {

  /** The peer's IP address, or {@code "unknown"}. */
  String address();

  /**
   * Sends a Close frame with the code and ends the connection; where the container lets us, it
   * lingers first, reading until the client's Close, so that a client still writing reads the code.
   * May block (the Jakarta API's close does).
   */
  void close(int code, String reason);

  /** Drops the connection at once, without a close handshake, where the container allows it. */
  void abort();

  /** Finds the peer of a session; called from {@code onOpen}, on the thread that upgraded the connection. */
  interface Finder {
    Peer of(Session session);
  }

  /**
   * What any container offers: the address where it publishes one (Jetty does, under the property
   * below), the API's close, which lingers where the container does (Tomcat), and a close in place of
   * an abort. Tomcat cuts the connection itself when the close frame cannot be written within its
   * blocking send timeout, which {@link ChatEndpoint} sets.
   */
  static Peer of(Session session) {
    Object address = session.getUserProperties().get("jakarta.websocket.endpoint.remoteAddress");
    String ip = address instanceof InetSocketAddress socket && socket.getAddress() != null
        ? socket.getAddress().getHostAddress() : "unknown";
    return new Peer() {
      @Override
      public String address() {
        return ip;
      }

      @Override
      public void close(int code, String reason) {
        try {
          session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (Exception e) {
          System.getLogger(Peer.class.getName()).log(System.Logger.Level.DEBUG, "close failed: " + e);
        }
      }

      @Override
      public void abort() {
        try {
          session.close();
        } catch (Exception e) {
          // already closed or closing: nothing left to drop
        }
      }
    };
  }
}
