package dev.jchat.core.chat;

import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.port.FrameCodec;
import dev.jchat.core.protocol.ServerEvent.AckResult;
import dev.jchat.core.protocol.ServerEvent;

/** What one connection is told: events for it alone, and the answer to each of its requests. */
final class Replies {
  private final FrameCodec codec;

  Replies(FrameCodec codec) {
    this.codec = codec;
  }

  void send(ChatSession session, ServerEvent event) {
    session.send(codec.encode(event));
  }

  /** Answers a request exactly once: an ack (when asked for) or a chat:error. */
  void answer(ChatSession session, Integer ack, Outcome<? extends AckResult> outcome) {
    outcome.consume(result -> {
      if (ack != null) {
        send(session, new ServerEvent.Ack(ack, result));
      }
    }, rejection -> refuse(session, ack, rejection));
  }

  void refuse(ChatSession session, Integer ack, Rejection rejection) {
    send(session, new ServerEvent.Error(rejection, ack));
  }
}
