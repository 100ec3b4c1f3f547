package dev.jchat.socketio;

import dev.jchat.core.api.Chat;
import dev.jchat.wire.OriginPolicy;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * The Socket.IO binding of PROTOCOL.md section 8 (Engine.IO 4, Socket.IO 5) at {@code /socket.io/},
 * installed into a Jetty 12 server in front of whatever it serves already: long-polling as a Jetty
 * handler, WebSocket on Jetty's core WebSocket API, both behind the origin allow-list, both in front
 * of the same {@link Chat} as {@code /ws}.
 */
public final class SocketIoServer {
  static final String PATH = "/socket.io/";

  private SocketIoServer() {
  }

  /** Installs the binding with the protocol's settings; call before the server starts. */
  public static void install(Server server, Chat chat, OriginPolicy origins) {
    install(server, chat, origins, EngineIoSettings.defaults());
  }

  public static void install(Server server, Chat chat, OriginPolicy origins, EngineIoSettings settings) {
    EngineSockets sockets = new EngineSockets(chat, server.getScheduler(), settings);
    server.insertHandler(webSocketUpgrade(server, sockets, origins));
    server.insertHandler(new PollingHandler(sockets, origins));
  }

  /**
   * The WebSocket transport: a session of its own, or the upgrade of a long-polling session, which
   * must exist and not have upgraded yet. Refusals answer before any upgrade.
   */
  private static Handler.Singleton webSocketUpgrade(Server server, EngineSockets sockets, OriginPolicy origins) {
    WebSocketUpgradeHandler upgrade =
        new WebSocketUpgradeHandler(WebSocketServerComponents.ensureWebSocketComponents(server));
    upgrade.setHandler((Handler) null); // what the server serves already goes below it
    Configuration limits = upgrade.getConfiguration();
    limits.setMaxTextMessageSize(sockets.settings().maxPayload());
    limits.setMaxBinaryMessageSize(sockets.settings().maxPayload());
    limits.setIdleTimeout(Duration.ZERO); // Engine.IO's heartbeat ends silent sessions
    upgrade.addMapping(PATH, (request, response, callback) -> {
      String origin = request.getHeaders().get(HttpHeader.ORIGIN);
      if (!origins.admits(origin)) {
        HttpAnswers.write(response, OriginPolicy.REFUSED, callback);
        return null;
      }
      Fields query = Request.extractQueryParameters(request);
      if (!"4".equals(query.getValue("EIO"))) {
        HttpAnswers.badRequest(response, HttpAnswers.UNSUPPORTED_VERSION, callback);
        return null;
      }
      String sid = query.getValue("sid");
      EngineSocket upgrading = sockets.find(sid);
      if (sid != null && upgrading == null) {
        HttpAnswers.badRequest(response, HttpAnswers.UNKNOWN_SID, callback);
        return null;
      }
      response.setExtensions(List.of()); // no permessage-deflate, as on /ws
      return new SocketIoFrameHandler(sockets, upgrading, Request.getRemoteAddr(request), origin);
    });
    return upgrade;
  }
}
