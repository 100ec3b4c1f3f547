package dev.jchat.core.port;

import dev.jchat.core.domain.FrameSize;

/**
 * An already-encoded frame for everyone in a room. {@code messageId} and {@code seq} are those of a
 * {@code chat:new} (0 for other events) so receivers can keep message order and notice a gap; {@code excludedUserId} (0 for none) is a
 * user whose connections must not get the frame, such as the typist of a typing event. {@code
 * frameBytes} is the frame's UTF-8 size, counted once for every recipient's outbox bound.
 */
public record RoomEvent(String room, long messageId, long seq, long excludedUserId, String frame, int frameBytes) {

  public RoomEvent(String room, long messageId, long seq, long excludedUserId, String frame) {
    this(room, messageId, seq, excludedUserId, frame, FrameSize.utf8Bytes(frame));
  }

  /** True for a {@code chat:new}, which has a place in the room's order. */
  public boolean isMessage() {
    return seq != 0;
  }
}
