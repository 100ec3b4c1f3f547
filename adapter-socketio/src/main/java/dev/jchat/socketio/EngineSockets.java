package dev.jchat.socketio;

import dev.jchat.core.api.Chat;
import dev.jchat.wire.EncodedFrames;
import dev.jchat.wire.SocketIoCodec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.thread.Scheduler;

/** The open Engine.IO sessions by id, and how one starts: each is a connection of the core's. */
final class EngineSockets {
  private static final int SID_BYTES = 15;

  private final Chat chat;
  private final Scheduler scheduler;
  private final EngineIoSettings settings;
  private final SocketIoCodec codec = new SocketIoCodec();
  private final EncodedFrames packets = new EncodedFrames(frame -> Packets.MESSAGE + codec.packet(frame));
  private final SecureRandom random = new SecureRandom();
  private final Map<String, EngineSocket> open = new ConcurrentHashMap<>();

  EngineSockets(Chat chat, Scheduler scheduler, EngineIoSettings settings) {
    this.chat = chat;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  EngineIoSettings settings() {
    return settings;
  }

  /**
   * A new session: over long-polling ({@code webSocket} null; the caller answers with the open packet)
   * or over a WebSocket from the start, which gets the open packet as its first message.
   */
  EngineSocket open(Link.Socket webSocket, String remoteAddress, String origin) {
    String sid = newSid();
    EngineSocket engine = new EngineSocket(sid, webSocket, scheduler, settings, ended -> open.remove(ended.sid()));
    open.put(sid, engine);
    if (webSocket != null) {
      engine.sendPacket(Packets.utf8(settings.openPacket(sid, false)));
    }
    SocketIoSession session = new SocketIoSession(engine, codec, packets, remoteAddress, origin);
    engine.start(session);
    session.open(chat);
    return engine;
  }

  /** The session with this id, or null when there is none (any more). */
  EngineSocket find(String sid) {
    return sid == null ? null : open.get(sid);
  }

  private String newSid() {
    byte[] bytes = new byte[SID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
