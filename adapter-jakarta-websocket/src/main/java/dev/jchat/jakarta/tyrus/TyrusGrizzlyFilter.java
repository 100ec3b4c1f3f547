package dev.jchat.jakarta.tyrus;

import dev.jchat.core.domain.CloseCode;
import dev.jchat.jakarta.endpoint.ChatEndpoint;
import dev.jchat.jakarta.endpoint.Peer;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.UpgradeRequest;

/**
 * Tyrus' WebSocket filter for Grizzly, with what this transport needs on top:
 * <ul>
 *   <li>it tells each new session which Grizzly connection it runs on, so the core can read the
 *       peer's address and drop a connection that does not read. Tyrus opens the endpoint on the
 *       thread that reads the upgrade request, inside {@link #handleRead}, where the connection is noted;
 *   <li>it refuses a message over 16 KiB at the header of the frame that crosses the limit, and text
 *       that is not UTF-8 ({@link IncomingFrameGuard}), where Tyrus would buffer up to 4 MiB and
 *       answer a longer frame with 1011, or close at once without lingering;
 *   <li>it closes with a {@link LingeringClose}, so that a client still writing reads the Close code:
 *       what the client sends after our Close is dropped here, before Tyrus, until its own Close;
 *   <li>it turns an offer to upgrade to anything but WebSocket (the JDK's HTTP client offers
 *       {@code h2c} on every plain-HTTP request) back into a plain request. Grizzly would otherwise
 *       take the request as upgraded: read its body until the client closes (a POST hangs) and close
 *       the connection after the answer;
 *   <li>it closes the connection after a refused WebSocket handshake (403 for a refused origin):
 *       Tyrus writes the refusal without a length, so a client would wait for its end forever.
 * </ul>
 */
final class TyrusGrizzlyFilter extends GrizzlyServerFilter implements Peer.Finder, AddOn {
  private final ThreadLocal<Connection<?>> upgrading = new ThreadLocal<>();
  private final Attribute<Guarded> guarded =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TyrusGrizzlyFilter.class.getName() + ".guarded");

  /** An open session, the guard on what its client sends, and its close. */
  private record Guarded(Session session, IncomingFrameGuard guard, LingeringClose closing) {
  }

  TyrusGrizzlyFilter(ServerContainer container) {
    super(container, "/");
  }

  /** Puts this filter where Tyrus' own add-on would: right before Grizzly's HTTP server filter. */
  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    builder.add(builder.indexOfType(HttpServerFilter.class), this);
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    HttpContent message = ctx.getMessage();
    Guarded open = guarded.get(ctx.getConnection());
    if (open != null && open.closing().isClosing()) {
      open.guard().stopChecking(); // what comes now is dropped: only the client's Close matters
      open.guard().scan(message.getContent());
      open.closing().discard(message.getContent(), open.guard().closeSeen());
      return ctx.getStopAction();
    }
    if (open != null && !passes(open, message.getContent())) {
      return ctx.getStopAction();
    }
    HttpHeader header = message.getHttpHeader();
    HttpResponsePacket response = header instanceof HttpRequestPacket request ? request.getResponse() : null;
    boolean handshake = open == null && response != null && response.getStatus() != 101
        && UpgradeRequest.WEBSOCKET.equalsIgnoreCase(header.getUpgrade());
    upgrading.set(ctx.getConnection());
    try {
      return super.handleRead(ctx);
    } finally {
      upgrading.remove();
      if (handshake && response.getStatus() >= 400) {
        ctx.getConnection().closeSilently(); // once the refusal is written
      }
    }
  }

  /**
   * Lets through what precedes a refused frame; at one, has the chat close with the protocol's code,
   * as it closes for every other refusal (what is queued first, then the lingering close).
   */
  private static boolean passes(Guarded open, Buffer content) {
    boolean refusedBefore = open.guard().refusal() != null;
    int allowed = open.guard().scan(content);
    CloseCode refusal = open.guard().refusal();
    if (refusal != null && !refusedBefore) {
      ChatEndpoint.refuse(open.session(), refusal, switch (refusal) {
        case TOO_BIG -> "frame over 16 KiB";
        case INVALID_UTF8 -> "text is not UTF-8";
        default -> "binary frames are not supported";
      });
    }
    content.limit(content.position() + allowed);
    return allowed > 0;
  }

  @Override
  public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
    if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
      HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
      if (!UpgradeRequest.WEBSOCKET.equalsIgnoreCase(header.getUpgrade())) {
        header.getUpgradeDC().recycle();
        header.setIgnoreContentModifiers(false);
      }
    }
    return super.handleEvent(ctx, event);
  }

  @Override
  public Peer of(Session session) {
    Connection<?> connection = upgrading.get();
    if (connection == null) {
      return Peer.of(session);
    }
    LingeringClose closing = new LingeringClose(connection);
    guarded.set(connection, new Guarded(session, new IncomingFrameGuard(), closing));
    String address = connection.getPeerAddress() instanceof InetSocketAddress socket && socket.getAddress() != null
        ? socket.getAddress().getHostAddress() : "unknown";
    return new Peer() {
      @Override
      public String address() {
        return address;
      }

      @Override
      public void close(int code, String reason) {
        closing.start(code, reason);
      }

      @Override
      public void abort() {
        connection.terminateSilently();
      }
    };
  }
}
