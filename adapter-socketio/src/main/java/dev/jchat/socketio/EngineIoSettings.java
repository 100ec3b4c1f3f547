package dev.jchat.socketio;

import dev.jchat.wire.Endpoints;
import java.time.Duration;

/**
 * The Engine.IO numbers of PROTOCOL.md section 8: the heartbeat, the largest packet a client may send
 * (its {@code maxPayload}, the server's {@code maxHttpBufferSize}), and how long a close the server
 * starts may wait for the client before the connection is dropped.
 */
public record EngineIoSettings(Duration pingInterval, Duration pingTimeout, int maxPayload, Duration closeGrace) {

  public static EngineIoSettings defaults() {
    return new EngineIoSettings(Duration.ofSeconds(25), Duration.ofSeconds(20), Endpoints.MAX_FRAME_BYTES,
        Duration.ofSeconds(2));
  }

  /** The handshake: Engine.IO's open packet, for a session that may upgrade to WebSocket or not. */
  String openPacket(String sid, boolean upgradable) {
    String upgrades = upgradable ? "\"websocket\"" : "";
    return Packets.OPEN + "{\"sid\":\"" + sid + "\",\"upgrades\":[" + upgrades + "],\"pingInterval\":"
        + pingInterval.toMillis() + ",\"pingTimeout\":" + pingTimeout.toMillis() + ",\"maxPayload\":" + maxPayload + "}";
  }
}
