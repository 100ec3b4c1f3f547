package dev.jchat.client;

/** Another user started or stopped typing in a room. */
public record Typing(String room, User user, boolean typing) {
}
