package dev.jchat.client;

/** One authenticated connection: who the server took us for, and the connection's id. */
public record Session(User user, String connectionId) {
}
