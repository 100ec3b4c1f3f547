package dev.jchat.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/** What {@link ChatClient.Builder} collects. */
record ClientSettings(URI server, Duration firstBackoff, Duration maxBackoff, Duration stableAfter,
    Duration heartbeat, int outboxCapacity, Supplier<String> tokenRefresher, ConnectionListener connectionListener) {

  /** The WebSocket endpoint beside the HTTP API: {@code http(s)://host/} becomes {@code ws(s)://host/ws}. */
  URI socket() {
    String scheme = "https".equals(server.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + "://" + server.getRawAuthority() + "/ws");
  }
}
