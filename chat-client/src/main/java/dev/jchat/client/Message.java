package dev.jchat.client;

import java.time.Instant;

/**
 * A stored chat message. {@code seq} is its position in the room (1, 2, 3… with no holes);
 * {@code clientMsgId} is null when the sender gave none.
 */
public record Message(long id, long seq, String room, String user, long userId, String text, Instant time,
    String clientMsgId) {
}
