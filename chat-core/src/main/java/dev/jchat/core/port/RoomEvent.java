package dev.jchat.core.port;

/**
 * An already-encoded frame for everyone in a room. {@code messageId} is the id of a {@code chat:new}
 * (0 for other events) so receivers can keep message order; {@code excludedUserId} (0 for none) is a
 * user whose connections must not get the frame, such as the typist of a typing event.
 */
public record RoomEvent(String room, long messageId, long excludedUserId, String frame) {
}
