package dev.jchat.jdbc;

import dev.jchat.core.domain.NewMessage;

/** The idempotency key of a send: its author and clientMsgId. */
record ClientMsgKey(long userId, String clientMsgId) {

  /** The message's key, or null when it has no clientMsgId. */
  static ClientMsgKey of(NewMessage message) {
    return message.clientMsgId() == null ? null : new ClientMsgKey(message.author().id(), message.clientMsgId());
  }
}
