package dev.jchat.core.chat;

import dev.jchat.core.domain.Message;
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

  /** A stored message, as its {@code chat:new}. */
  void publish(Message message) {
    broadcaster.publish(newMessage(message));
  }

  /** Any other event; {@code excludedUserId} is a user who must not get it (else 0). */
  void publish(String room, long excludedUserId, ServerEvent event) {
    broadcaster.publish(new RoomEvent(room, 0, 0, excludedUserId, codec.encode(event)));
  }

  /** The {@code chat:new} of a stored message, encoded. */
  RoomEvent newMessage(Message message) {
    return new RoomEvent(message.room(), message.id(), message.seq(), 0,
        codec.encode(new ServerEvent.NewMessage(message)));
  }
}
