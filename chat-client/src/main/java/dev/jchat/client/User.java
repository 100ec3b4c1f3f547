package dev.jchat.client;

/** A chat user as the server names it. */
public record User(long id, String name) {
}
