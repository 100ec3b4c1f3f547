package dev.jchat.jakarta.tyrus;

import dev.jchat.jakarta.endpoint.ChatEndpointConfigurator;
import dev.jchat.jakarta.endpoint.ControlFrames;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;

/**
 * The Jakarta WebSocket transport, standalone: Tyrus on one Grizzly server with the HTTP API, the
 * web page (classpath {@code /web}, when the jar has it) and {@code /ws}, on one port. Clients cannot
 * tell it from the Javalin transport.
 */
public final class JakartaTransport implements ChatServer {
  private static final long SHUTDOWN_GRACE_MILLIS = 1_000;

  private final Endpoints endpoints;
  private final HttpServer server;
  private final NetworkListener listener;
  private final TyrusContainer container;
  private final ControlFrames control;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JakartaTransport(Endpoints endpoints, HttpServer server, NetworkListener listener,
                           TyrusContainer container, ControlFrames control) {
    this.endpoints = endpoints;
    this.server = server;
    this.listener = listener;
    this.container = container;
    this.control = control;
  }

  /** Starts listening; port 0 picks a free port. */
  public static JakartaTransport start(Endpoints endpoints, String host, int port) {
    TyrusContainer container = new TyrusContainer();
    TyrusGrizzlyFilter peers = new TyrusGrizzlyFilter(container);
    ControlFrames control = new ControlFrames();
    HttpServer server = new HttpServer();
    NetworkListener listener = new NetworkListener("jchat", host, port);
    listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance()); // handlers may block (hashing, store)
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1); // else Grizzly cuts upgraded sockets; the core closes idle ones
    listener.registerAddOn(peers);
    server.addListener(listener);
    server.getServerConfiguration().addHttpHandler(new GrizzlyHttpApi(endpoints), "/");
    // A DELETE with a body gets the API's error answer, not Grizzly's bare 400.
    server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
    try {
      container.register(ChatEndpointConfigurator.endpointConfig(() -> endpoints, control, peers));
      server.start();
    } catch (IOException e) {
      control.close();
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    } catch (DeploymentException e) {
      control.close();
      throw new IllegalStateException("cannot deploy the WebSocket endpoint", e);
    }
    return new JakartaTransport(endpoints, server, listener, container, control);
  }

  @Override
  public int port() {
    return listener.getPort();
  }

  /** Stops taking connections, closes every socket with 1001, then stops the server. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    endpoints.chat().shutdown();
    control.drain(SHUTDOWN_GRACE_MILLIS); // the 1001 closes are written before the sockets go
    try {
      server.shutdown(SHUTDOWN_GRACE_MILLIS, TimeUnit.MILLISECONDS).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      server.shutdownNow();
    }
    container.stop();
  }
}
