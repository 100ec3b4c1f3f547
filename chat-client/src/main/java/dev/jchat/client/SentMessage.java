package dev.jchat.client;

import java.time.Instant;

/** What {@code send} completes with: the stored message's id, its place in the room and the server's time. */
public record SentMessage(long id, long seq, Instant time) {
}
