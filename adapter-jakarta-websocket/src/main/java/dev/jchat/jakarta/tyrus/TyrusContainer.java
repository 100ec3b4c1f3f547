package dev.jchat.jakarta.tyrus;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus' server container without a server of its own: {@link JakartaTransport} owns the Grizzly
 * server and plugs Tyrus into it, so the HTTP API and {@code /ws} share one port.
 */
final class TyrusContainer extends TyrusServerContainer {
  private static final String CONTEXT_PATH = "/";

  private final WebSocketEngine engine = TyrusWebSocketEngine.builder(this).build();

  TyrusContainer() {
    super((Set<Class<?>>) null);
  }

  @Override
  public void register(Class<?> endpointClass) throws DeploymentException {
    ((TyrusWebSocketEngine) engine).register(endpointClass, CONTEXT_PATH);
  }

  @Override
  public void register(ServerEndpointConfig config) throws DeploymentException {
    ((TyrusWebSocketEngine) engine).register(config, CONTEXT_PATH);
  }

  @Override
  public WebSocketEngine getWebSocketEngine() {
    return engine;
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of();
  }
}
