package dev.jchat.core.domain;

/** A validated message on its way into the store; {@code clientMsgId} may be null. */
public record NewMessage(String room, User author, String text, String clientMsgId) {
}
