package dev.jchat.core.domain;

import java.time.Instant;

/**
 * A stored chat message. {@code id} is unique across the deployment and increases within a room in
 * the order the store accepted the messages. {@code seq} is its position in its room: 1 for the
 * room's first message, then exactly one more for each next, with no holes (PROTOCOL.md 1.1), so a
 * receiver that sees n+2 after n knows it missed one. {@code clientMsgId} is null when the sender gave
 * none.
 */
public record Message(long id, long seq, String room, long userId, String userName, String text, Instant time,
                      String clientMsgId) {
}
