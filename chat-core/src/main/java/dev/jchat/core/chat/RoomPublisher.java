package dev.jchat.core.chat;

import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.FrameCodec;
import dev.jchat.core.port.RoomEvent;
import dev.jchat.core.protocol.ServerEvent;

/** Puts an event for a whole room on the broadcaster, serialized once for every recipient everywhere. */
final class RoomPublisher {
  private final Broadcaster broadcaster;
  private final FrameCodec codec;

  RoomPublisher(Broadcaster broadcaster, FrameCodec codec) {
    this.broadcaster = broadcaster;
    this.codec = codec;
  }

  /** {@code messageId} for a chat:new (else 0); {@code excludedUserId} a user who must not get it (else 0). */
  void publish(String room, long messageId, long excludedUserId, ServerEvent event) {
    broadcaster.publish(new RoomEvent(room, messageId, excludedUserId, codec.encode(event)));
  }
}
