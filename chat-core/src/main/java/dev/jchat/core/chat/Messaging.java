package dev.jchat.core.chat;

import dev.jchat.core.domain.ClientMsgId;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.MessageValidator;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.ServerEvent;

/**
 * What members say in a room (PROTOCOL.md section 4): messages, acknowledged once stored and then
 * published to the room, and typing.
 */
final class Messaging {
  private static final System.Logger LOG = System.getLogger(Messaging.class.getName());

  private final MessageStore store;
  private final MessageValidator validator;
  private final Membership membership;
  private final TypingTracker typing;
  private final Replies replies;
  private final RoomPublisher publisher;
  private final Clock clock;
  private final ChatMetrics metrics;

  Messaging(MessageStore store, MessageValidator validator, Membership membership, TypingTracker typing,
            Replies replies, RoomPublisher publisher, Clock clock, ChatMetrics metrics) {
    this.store = store;
    this.validator = validator;
    this.membership = membership;
    this.typing = typing;
    this.replies = replies;
    this.publisher = publisher;
    this.clock = clock;
    this.metrics = metrics;
  }

  void send(ChatSession session, Command.Send send, Integer ack) {
    User author = session.user();
    membership.memberOf(session, send.room())
        .then(room -> ClientMsgId.parseOptional(send.clientMsgId())
            .then(id -> validator.check(send.text())
                .map(text -> new NewMessage(room.value(), author, text, id == null ? null : id.value()))))
        .consume(message -> store(session, message, ack), rejection -> replies.refuse(session, ack, rejection));
  }

  void typing(ChatSession session, Command.Typing typed, Integer ack) {
    replies.answer(session, ack, membership.memberOf(session, typed.room()).map(room -> {
      if (typed.typing()) {
        typing.start(session.user(), room.value());
      } else {
        typing.stop(session.user(), room.value());
      }
      return new ServerEvent.EmptyResult();
    }));
  }

  private void store(ChatSession session, NewMessage message, Integer ack) {
    long sentAt = clock.nanoTime();
    store.append(message, new MessageStore.AppendCallback() {
      @Override
      public void stored(Message stored, boolean firstTime) {
        metrics.messageStored(clock.nanoTime() - sentAt); // counted before the client can see the ack
        replies.answer(session, ack, Outcome.ok(new ServerEvent.SentResult(stored.id(), stored.seq(), stored.time())));
        if (firstTime) {
          publisher.publish(stored);
          typing.stop(message.author(), stored.room());
        }
      }

      @Override
      public void failed(Exception cause) {
        LOG.log(System.Logger.Level.WARNING, "a message could not be stored: " + cause);
        metrics.storeFailed();
        replies.answer(session, ack,
            Outcome.refused(ErrorCode.UNAVAILABLE, "the message was not stored; send it again"));
      }
    });
  }
}
