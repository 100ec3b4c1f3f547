package dev.jchat.core.domain;

import java.time.Instant;

/**
 * A stored chat message. {@code id} is unique across the deployment and increases within a room in
 * the order the store accepted the messages. {@code clientMsgId} is null when the sender gave none.
 */
public record Message(long id, String room, long userId, String userName, String text, Instant time,
                      String clientMsgId) {
}
