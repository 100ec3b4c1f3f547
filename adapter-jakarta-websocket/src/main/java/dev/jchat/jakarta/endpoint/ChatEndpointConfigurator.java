package dev.jchat.jakarta.endpoint;

import dev.jchat.wire.Endpoints;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.function.Supplier;

/**
 * The handshake of {@code /ws} on any Jakarta WebSocket container: checks the origin allow-list (a
 * refused origin gets 403 and no upgrade), negotiates no extension (no permessage-deflate) and no
 * subprotocol, and creates one {@link ChatEndpoint} per connection with the shared state. Every
 * method is overridden, so the container's default configurator is never consulted.
 */
public final class ChatEndpointConfigurator extends ServerEndpointConfig.Configurator {
  public static final String PATH = "/ws";

  private final Supplier<Endpoints> endpoints;
  private final ControlFrames control;
  private final Peer.Finder peers;

  /** {@code endpoints} is read at each handshake, so a web application may supply it after deployment. */
  ChatEndpointConfigurator(Supplier<Endpoints> endpoints, ControlFrames control, Peer.Finder peers) {
    this.endpoints = endpoints;
    this.control = control;
    this.peers = peers;
  }

  /** The configuration to deploy: {@link ChatEndpoint} at {@code /ws} with this configurator. */
  public static ServerEndpointConfig endpointConfig(Supplier<Endpoints> endpoints, ControlFrames control,
                                             Peer.Finder peers) {
    return ServerEndpointConfig.Builder.create(ChatEndpoint.class, PATH)
        .configurator(new ChatEndpointConfigurator(endpoints, control, peers))
        .build();
  }

  @Override
  public boolean checkOrigin(String origin) {
    Endpoints current = endpoints.get();
    return current != null && current.origins().admits(origin);
  }

  @Override
  public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
    return List.of();
  }

  @Override
  public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
    return "";
  }

  @Override
  public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    // nothing to add
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
    Endpoints current = endpoints.get();
    if (current == null || !endpointClass.equals(ChatEndpoint.class)) {
      throw new InstantiationException("no chat to serve: the Endpoints are not set");
    }
    return endpointClass.cast(new ChatEndpoint(current, control, peers));
  }
}
