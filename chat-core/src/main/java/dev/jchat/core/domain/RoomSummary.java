package dev.jchat.core.domain;

/** One line of the room list: {@code lastMessageId} is null for a room without messages. */
public record RoomSummary(String name, Long lastMessageId, int online) {
}
