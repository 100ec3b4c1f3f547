package dev.jchat.javalin;

import dev.jchat.socketio.SocketIoServer;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.EncodedFrames;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.HttpRequest;
import dev.jchat.wire.HttpResponse;
import dev.jchat.wire.OriginPolicy;
import dev.jchat.wire.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * The default transport: one Javalin server with the HTTP API, the web page (classpath {@code /web},
 * when the jar has it), {@code /ws}, and Socket.IO clients at {@code /socket.io/} ({@link SocketIoServer}). The WebSocket endpoint is Jetty's core WebSocket API,
 * installed as a Jetty handler in front of Javalin's servlet context: the protocol counts pongs as
 * signs of life and only Jetty's API sees them, and without the servlet layer an open socket keeps
 * none of its upgrade request's HTTP state.
 */
public final class JavalinTransport implements ChatServer {
  private static final String WEB_ROOT = "/web";

  private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);
  private static final int ACCEPT_QUEUE = 1024;

  private final Endpoints endpoints;
  private final OpenSockets sockets;
  private final Javalin javalin;

  private JavalinTransport(Endpoints endpoints, OpenSockets sockets, Javalin javalin) {
    this.endpoints = endpoints;
    this.sockets = sockets;
    this.javalin = javalin;
  }

  /** Starts listening; port 0 picks a free port. */
  public static JavalinTransport start(Endpoints endpoints, String host, int port) {
    OpenSockets sockets = new OpenSockets();
    Javalin javalin = Javalin.create(config -> {
      configure(config, endpoints, sockets);
      config.jetty.addConnector((server, http) -> connector(server, http, host, port));
    });
    javalin.start();
    return new JavalinTransport(endpoints, sockets, javalin);
  }

  @Override
  public int port() {
    return javalin.port();
  }

  /** Stops taking connections, closes every socket with 1001, then stops the server. */
  @Override
  public void close() {
    endpoints.chat().shutdown();
    try {
      sockets.awaitNone(CLOSE_GRACE); // else stopping Jetty cuts the 1001 closes short
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    javalin.stop();
  }

  /**
   * The listening socket, with room for a burst of connections (a reconnect storm, a flood of
   * registrations): Java listens with a backlog of only 50 by default.
   */
  private static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    return connector;
  }

  /**
   * Javalin's default pool grows to 250 threads, and a burst of connections (a reconnect storm) on a
   * small machine grows it to over 150 idle threads of ~100 KB of resident memory each, which it then
   * keeps for a long time (the pool lets one thread go per minute). Every call on a pool thread is
   * short or waits for the database pool (10 connections), so 8 threads per core are plenty.
   */
  private static QueuedThreadPool threadPool() {
    int max = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    QueuedThreadPool pool = new QueuedThreadPool(max, 8, 60_000);
    pool.setName("JettyServerThreadPool");
    return pool;
  }

  /**
   * {@code /ws}, upgraded by Jetty's core WebSocket handler in front of Javalin's servlet context:
   * once upgraded, a socket keeps no servlet request, HTTP connection or upgrade headers (see
   * {@link JettyCoreFrameHandler}).
   */
  private static WebSocketUpgradeHandler webSocketUpgrade(Server server, Endpoints endpoints, OpenSockets sockets) {
    WebSocketUpgradeHandler upgrade =
        new WebSocketUpgradeHandler(WebSocketServerComponents.ensureWebSocketComponents(server));
    upgrade.setHandler((Handler) null); // Javalin attaches its servlet context below this handler
    Configuration limits = upgrade.getConfiguration();
    limits.setMaxTextMessageSize(Endpoints.MAX_FRAME_BYTES);
    limits.setMaxBinaryMessageSize(Endpoints.MAX_FRAME_BYTES);
    limits.setIdleTimeout(Duration.ZERO); // the core closes idle connections itself
    EncodedFrames encoded = new EncodedFrames();
    upgrade.addMapping("/ws", (request, response, callback) -> {
      String origin = request.getHeaders().get(HttpHeader.ORIGIN);
      if (!endpoints.origins().admits(origin)) {
        HttpResponse refused = OriginPolicy.REFUSED;
        response.setStatus(refused.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(refused.body().getBytes(StandardCharsets.UTF_8)), callback);
        return null;
      }
      response.setExtensions(List.of()); // no permessage-deflate
      return new JettyCoreFrameHandler(endpoints.chat(), sockets, encoded, server.getScheduler(),
          Request.getRemoteAddr(request), origin);
    });
    return upgrade;
  }

  private static void configure(JavalinConfig config, Endpoints endpoints, OpenSockets sockets) {
    config.startup.showJavalinBanner = false;
    config.jetty.threadPool = threadPool();
    config.http.maxRequestSize = HttpApi.MAX_BODY_BYTES + 1;
    config.jetty.modifyServer(server -> {
      server.insertHandler(webSocketUpgrade(server, endpoints, sockets));
      SocketIoServer.install(server, endpoints.chat(), endpoints.origins());
    });
    if (JavalinTransport.class.getResource(WEB_ROOT + "/index.html") != null) {
      config.staticFiles.add(files -> {
        files.directory = WEB_ROOT;
        files.location = Location.CLASSPATH;
        files.headers = SecurityHeaders.PAGE;
      });
    }
    config.routes.before(ctx -> {
      if (!HttpApi.owns(ctx.path()) && !endpoints.origins().admits(ctx.header("Origin"))) {
        write(ctx, OriginPolicy.REFUSED);
        ctx.skipRemainingHandlers();
      }
    });
    // Every method goes to the API, so that a wrong one is answered in the protocol's error body.
    for (String path : List.of("/health", "/metrics", "/api/*")) {
      config.routes.get(path, ctx -> answer(endpoints.http(), ctx));
      config.routes.post(path, ctx -> answer(endpoints.http(), ctx));
      config.routes.put(path, ctx -> answer(endpoints.http(), ctx));
      config.routes.patch(path, ctx -> answer(endpoints.http(), ctx));
      config.routes.delete(path, ctx -> answer(endpoints.http(), ctx));
      config.routes.options(path, ctx -> answer(endpoints.http(), ctx));
    }
  }

  private static void answer(HttpApi api, Context ctx) throws IOException {
    Map<String, String> query = new HashMap<>();
    ctx.queryParamMap().forEach((name, values) -> query.put(name, values.get(0)));
    // The API reads the body itself, so it answers 413 in its own words (Javalin's own check on a
    // large Content-Length would answer with its own body).
    byte[] body = HttpApi.readBody(ctx.req().getInputStream());
    write(ctx, api.handle(new HttpRequest(ctx.method().name(), ctx.path(), query, ctx::header, body, ctx.ip())));
  }

  private static void write(Context ctx, HttpResponse response) {
    ctx.status(response.status());
    response.headers().forEach(ctx::header);
    if (!response.body().isEmpty()) {
      ctx.contentType(response.contentType()).result(response.body());
    }
  }
}
